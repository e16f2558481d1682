@variant5
Feature: Variant 5
  Gradients through depth. Build a network of at least 6 layers alternating Conv2d and ReLU whose
  output is (batch, 64, 8, 8), in which the first layer's gradients are smaller than the last
  layer's after one backward() on random data; show the gradients of every layer.

  Вариант 5. Контроль градиентов через глубину: не менее 6 слоев, чередование Conv2d и ReLU,
  выход (batch, 64, 8, 8); градиенты первого слоя меньше градиентов последнего.

  A ReLU written as a function in forward (functional.relu, as seeds 001 and 002 write it) counts as a
  ReLU where it is measured: the next Conv2d receives exactly relu of what the previous one gave.

  A gradient is summarised by its L2 norm, the homework's "gradients of the layer" taken as one tensor.
  The two measures can disagree (the L2 norm grows with the square root of the number of weights, the
  mean absolute value per weight does not), so the report shows both; the L2 norm decides because it is
  the size of the gradient step the layer takes, whatever its number of weights.

  Background:
    Given the student's variant 5 model

  Rule: At least 6 layers alternating Conv2d and ReLU, output (batch, 64, 8, 8)

    Scenario: Layers alternate Conv2d and ReLU
      When a random batch of 2 passes through the model
      Then at least 6 layers run, alternating Conv2d and ReLU

    Scenario: Output is (batch, 64, 8, 8)
      When a random batch of 4 passes through the model
      Then the output has shape (B, 64, 8, 8)

  Rule: The first layer's gradients are smaller than the last layer's

    Scenario: The first Conv2d's gradient has a smaller L2 norm than the last's
      When one backward pass of an MSE loss against a random target runs on a random batch of 8
      Then the L2 norm of the first Conv2d's weight gradient is smaller than the last Conv2d's

  Rule: Experiment: gradients per layer

    Scenario: Gradient of every Conv2d
      When one backward pass of an MSE loss against a random target runs on a random batch of 8
      Then a bar chart shows the weight gradient of every Conv2d on a log scale
