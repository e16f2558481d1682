@pooling
Feature: Pooling-only network
  The second task (seed 003): replace the convolutional layers with max pooling and average
  pooling. A network of pooling layers and activations only, then a Linear, classifies 28×28
  images into 10 classes; train a max-pooling and an average-pooling version and see where their
  accuracy stops improving.

  Задание 2. Замена сверточных слоёв на слои с максимальным пулингом и средним пулингом.

  It is not one of the six numbered variants: a submission marks its two models
  [PoolingTask(Role = "max")] and [PoolingTask(Role = "avg")]; the input is (1, 28, 28). The images:
  seed 003's prepared notMNIST .npz when its path is given (./run-specs.sh --pooling-npz PATH),
  otherwise the shipped MNIST digits with 1 000 of the training digits held out for validation.

  Rule: One 28×28 image gives 10 class scores

    Scenario Outline: The <role> model gives 10 scores per image
      Given the student's "<role>" model for the pooling task
      When a random batch of 2 passes through the model
      Then the output has shape (B, 10)

      Examples:
        | role |
        | max  |
        | avg  |

  Rule: No convolution: pooling layers and activations only, then a Linear

    Scenario Outline: The <role> model is <kind> layers and activations, then one Linear
      Given the student's "<role>" model for the pooling task
      When a random batch of 2 passes through the model
      Then no layer of the model is a convolution
      And only the Linear layers have trainable parameters
      And every layer before the last is a pooling layer, an activation or a Flatten
      And the last layer to run is the model's only Linear
      And at least 1 <kind> layer runs
      And every pooling layer that runs is a <kind>

      Examples:
        | role | kind                           |
        | max  | MaxPool2d or AdaptiveMaxPool2d |
        | avg  | AvgPool2d or AdaptiveAvgPool2d |

  Rule: Experiment: trained the same way, both versions learn and then level off

    Both models start from the same seed and see the same images in the same order; Adam and
    cross-entropy on batches of 128 as in seed 003, which saw accuracy level off at about 77 %
    (validation) and 83 % (test) on notMNIST. Validation accuracy is measured every epoch, test
    accuracy once, after the last.

    Background:
      Given the "max" and "avg" models for the pooling task, each trained with Adam (learning rate 0.001) on batches of 128

    Scenario: Both versions classify well above chance
      Then each model's test accuracy is above 50%
      And a chart shows the training and validation accuracy per epoch of both models

    @experiment
    Scenario: Where validation accuracy levels off
      Then the epoch from which each model's validation accuracy stays within 1 percentage point of its best is reported

    @harness
    Scenario: Training frees every batch's tensors
      Then the number of live tensors is the same after every epoch
