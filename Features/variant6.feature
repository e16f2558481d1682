@variant6
Feature: Variant 6
  Kinds of pooling. Build a network for input (3, 64, 64) and output (32, 8, 8) that has both a
  MaxPool2d and an AdaptiveAvgPool2d; compare what comes out of each on the same random tensor.

  Вариант 6. Использование разных типов пулинга: вход (3, 64, 64), выход (32, 8, 8); в сети
  обязательно есть и MaxPool2d, и AdaptiveAvgPool2d.

  A required pooling layer must be on the path to the output: its result must change the model's output.
  The experiment follows the homework's words, "MaxPool and GAP on the same random tensor": one random
  tensor, shaped like what the model's MaxPool2d receives, through that MaxPool2d and through global
  average pooling (the model's AdaptiveAvgPool2d when it is global, else a global one, and the report says so).

  Background:
    Given the student's variant 6 model

  Rule: Input (3, 64, 64) gives output (32, 8, 8)

    Scenario: Output is (32, 8, 8) for input (3, 64, 64)
      When a random batch of 2 with samples of shape (3, 64, 64) passes through the model
      Then each sample's output has shape (32, 8, 8)

  Rule: Both MaxPool2d and AdaptiveAvgPool2d

    Scenario: A MaxPool2d and an AdaptiveAvgPool2d run
      When a random batch of 1 with samples of shape (3, 64, 64) passes through the model
      Then at least 1 MaxPool2d layer runs
      And at least 1 AdaptiveAvgPool2d layer runs

  Rule: Experiment: MaxPool against AdaptiveAvgPool on the same tensor

    @experiment
    Scenario: Feature maps after each pooling
      When a random batch of 1 with samples of shape (3, 64, 64) passes through the model
      Then the model's MaxPool2d and global average pooling of the same random tensor are drawn with their mean activations
