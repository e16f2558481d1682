@variant2
Feature: Variant 2
  Spatial sizes through convolutions and pooling. Build a network whose output is (64, 16, 16)
  with at most 3 convolution layers, at least one of them with padding=0 so that part of the
  spatial information is lost; then compare padding=0 with padding=1.

  Вариант 2. Контроль пространственных размерностей: выход (64, 16, 16) за не более 3 слоев свертки,
  как минимум один слой с padding=0.

  The input is the one the student's [Variant] declares (3, 32, 32 unless it says otherwise). Convolution
  layers are counted as calls, functional convolutions included; a convolution's padding is the one it has
  in effect: a border added to its input in front of it (functional.pad, ZeroPad2d) is its padding.

  Background:
    Given the student's variant 2 model

  Rule: The output is (64, 16, 16)

    Scenario: Output is (64, 16, 16)
      When a random batch of 2 passes through the model
      Then each sample's output has shape (64, 16, 16)

  Rule: At most 3 convolution layers

    Scenario: At most 3 Conv2d layers run
      When a random batch of 1 passes through the model
      Then at most 3 Conv2d layers run

  Rule: At least one convolution has padding=0

    Scenario: A Conv2d uses padding 0
      When a random batch of 1 passes through the model
      Then at least 1 Conv2d layer uses padding 0

  Rule: Experiment: padding=0 against padding=1

    @experiment
    Scenario: Padding 0 and padding 1 on the same input
      Given its padding=1 twin
      When the same random batch of 8 passes through the model and its twin
      Then the padding=0 output has no more positions than the padding=1 output
      And the mean activations of both outputs are compared in a bar chart
