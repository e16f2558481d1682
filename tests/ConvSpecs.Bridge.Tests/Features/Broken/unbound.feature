Feature: Unbound steps
  Steps that no binding, or more than one, matches.

  Scenario: A step without a binding
    Given the calculator has 3 "red" buttons and 2.5 knobs (at most)

  Scenario: A step with two bindings
    When an ambiguous step runs

  Scenario: A star step first in a scenario, which Reqnroll takes as a Given
    * the display shows 0
