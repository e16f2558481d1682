@variant3
Feature: Variant 3
  Parameter budget. Build a compact network with at most 50 000 parameters in which a 1x1
  convolution reduces the number of channels; count the parameters of every layer.

  Вариант 3. Контроль количества параметров: не более 50 000 параметров, один слой — свертка 1x1,
  уменьшающая число каналов.

  Parameters are all of the model's parameters, frozen ones (requires_grad = false) too: the homework
  limits parameters. The 1x1 convolution must be on the path to the output: its result must change the
  model's output.

  Background:
    Given the student's variant 3 model
    When a random batch of 2 passes through the model

  Rule: At most 50 000 parameters

    Scenario: The model has at most 50 000 parameters
      Then the model has at most 50 000 parameters

  Rule: A 1x1 convolution reduces the number of channels

    Scenario: A 1x1 Conv2d has fewer output than input channels
      Then a 1x1 Conv2d has fewer output than input channels

  Rule: Experiment: parameters per layer against the limit

    @experiment
    Scenario: Parameters per layer
      Then a bar chart shows the parameters of every layer against the limit of 50 000
