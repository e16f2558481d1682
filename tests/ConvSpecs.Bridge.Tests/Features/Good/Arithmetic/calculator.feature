@calculator
Feature: Calculator
  A pocket calculator adds and multiplies
    the numbers entered into it.

  Background:
    Given the calculator is switched on

  @ignore
  Scenario: Divide by zero
    Given I have entered 1 into the calculator
    And I have entered 0 into the calculator
    When I press divide
    Then the result should be 0 on the screen

  Rule: Adding numbers
    @smoke
    Scenario: Add two numbers
      Given I have entered 50 into the calculator
      And I have entered 70 into the calculator
      When I press add
      Then the result should be 120 on the screen

    Scenario Outline: Add <a> and <b>
      Given I have entered <a> into the calculator
      And I have entered <b> into the calculator
      When I tap add
      Then the result should be <sum> on the screen

      @pairs
      Examples:
        | a | b  | sum |
        | 1 | 2  | 3   |
        | 5 | -5 | 0   |

  Rule: And and But take the type of the step before them
    Scenario: The display is set by a Given and checked by a Then
      Given I have entered 3 into the calculator
      And the display shows 4
      Then the display shows 4
      And the display shows 4
      But the display does not show 3

  Rule: Steps carry tables, doc strings and every kind of parameter
    Scenario: Multiply the numbers of a table
      Given I have entered these numbers:
        | number | spoken |
        | 2      | two    |
        | 3.5    | three  |
      When I press multiply
      Then the result is 7.0

    Scenario: Keep a note
      Given a note:
        """
        Remember the milk.
        Twice.
        """
      Then the note has 2 lines
      And the note starts with "Remember the milk."

    Scenario: Modes, makers and memory
      Given the calculator is in scientific mode
      And a calculator made by Acme & Sons
      And I have entered 1 into the calculator
      * I have entered 2 into the calculator
      Then the memory holds 2 numbers
      And the calculator reports 'scientific' mode by "Acme & Sons"
      And the last entry was "2"
