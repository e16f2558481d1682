@variant1
Feature: Variant 1
  Weight variance. Build a network that takes one input to (1, 512, 1, 1) in 5 layers, the third
  layer's weights having twice the variance of the second's and the fourth's; then see what the
  larger variance does to the activations after global average pooling (GAP).

  Вариант 1. Контроль дисперсии весов: за 5 слоев привести тензор к (1, 512, 1, 1); дисперсия весов
  третьего слоя в два раза больше, чем у второго и четвертого.

  "Layers" are the layers with weights (Conv2d and Linear), counted and numbered as calls in the order they
  run: a layer called twice is two layers. A convolution or matrix product written as a function in forward
  (functional.conv2d on a Parameter) is a layer too; it is counted and named with its line. The variance rule
  is about how the model initialises its weights, so it is decided on fresh constructions, not one draw.

  Background:
    Given the student's variant 1 model

  Rule: One input becomes (1, 512, 1, 1) in exactly 5 layers

    Scenario: One input becomes (1, 512, 1, 1)
      When a random batch of 1 passes through the model
      Then the output has shape (1, 512, 1, 1)

    Scenario: Exactly 5 layers with weights run
      When a random batch of 1 passes through the model
      Then exactly 5 Conv2d or Linear layers run

  Rule: The third layer's weight variance is twice the second's and the fourth's

    Scenario: Var(W3) is twice Var(W2) and twice Var(W4)
      When a random batch of 1 passes through the model
      Then the weight variance of layer 3 is 2 times that of layer 2, within 5%
      And the weight variance of layer 3 is 2 times that of layer 4, within 5%

  Rule: Experiment: the larger variance widens the activations after GAP

    Scenario: Activations after GAP against a control with an ordinary third layer
      Given a control twin whose layer 3 weights have the mean variance of layers 2 and 4
      When the same random batch of 64 passes through the model and its twin
      Then the activations after global average pooling are compared in a histogram
      And the variance ratio after global average pooling matches the prediction for layer 3
