@variant4
Feature: Variant 4
  Flatten against global average pooling (GAP). Build a network whose three convolutions give
  (batch, 128, 8, 8), with two ways to classify what they give: Flatten → Linear, and Global
  Average Pooling → Linear. Train both and compare the variance of the activations entering the
  final layer.

  Вариант 4. Сравнение GAP и Flatten: сеть с 3 свёрточными слоями, после которых выходной тензор
  (batch, 128, 8, 8); два варианта классификации: Flatten → Linear и Global Average Pooling → Linear;
  обучите оба варианта и сравните дисперсию выходных активаций перед финальным слоем.

  A submission marks its two models [Variant(4, Role = "flatten")] and [Variant(4, Role = "gap")];
  the input is (3, 32, 32). The images: CIFAR-10 when it is in data/ (./run-specs.sh --fetch-cifar10),
  otherwise the shipped MNIST digits padded to 32×32 and repeated over 3 channels; every report names
  the data set, its sample counts and checksum, and the profile (quick, or full: seed 000's 5 epochs
  over the whole training set).

  "The tensor after the three conv layers" is what the convolutions hand to the head: the last Conv2d's
  output after its activation and any pooling that follows it, before Flatten or global pooling. A third
  convolution at 16×16 followed by a 2×2 pool hands over (B, 128, 8, 8).

  Rule: Three Conv2d layers give (B, 128, 8, 8) before the head

    Scenario Outline: The <role> model's three convolutions give (B, 128, 8, 8)
      Given the student's "<role>" model for variant 4
      When a random batch of 2 passes through the model
      Then exactly 3 Conv2d layers run
      And the maps after the last Conv2d have shape (B, 128, 8, 8)
      And the output has shape (B, 10)

      Examples:
        | role    |
        | flatten |
        | gap     |

  Rule: The flatten head is Flatten → Linear

    Scenario: The flatten model's first Linear receives the 8 192 values of the flattened maps
      Given the student's "flatten" model for variant 4
      When a random batch of 2 passes through the model
      Then the first Linear after the last Conv2d receives (B, 8192)

  Rule: The gap head is global average pooling → Linear

    Scenario: The gap model's only Linear receives the global average of each of the 128 maps
      Given the student's "gap" model for variant 4
      When a random batch of 2 passes through the model
      Then exactly 1 Linear layer runs
      And the final Linear receives the global average of each channel of the maps after the last Conv2d

  Rule: Experiment: trained the same way, the two heads are compared by the variance entering their final Linear

    Both models start from the same seed and see the same images in the same order; Adam, batch 64
    and cross-entropy as in seed 000. Each epoch records the mean training loss, the test accuracy
    and that variance.

    Background:
      Given the "flatten" and "gap" models for variant 4, each trained with Adam (learning rate 0.001) on batches of 64

    Scenario: Both heads learn
      Then each model's mean training loss in the last epoch is below 2.0
      And each model's test accuracy is above 30%
      And a chart shows the mean training loss per epoch of both models

    @experiment
    Scenario: The variance entering the final Linear, Flatten against GAP
      Then a chart shows the variance entering the final Linear per epoch of both models
      And the ratio of the "flatten" model's variance to the "gap" model's after the last epoch is reported next to seed 000's 4.96

    @harness
    Scenario: Training frees every batch's tensors
      Then the number of live tensors is the same after every epoch
      And resident memory grows by less than 4 MiB per batch from the first epoch to the last
