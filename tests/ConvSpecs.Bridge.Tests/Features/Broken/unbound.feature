Feature: Unbound steps
  Steps that no binding, or more than one, matches.

  Scenario: A step without a binding
    Given the calculator has 3 "red" buttons and 2.5 knobs (at most)

  Scenario: A step with two bindings
    When an ambiguous step runs

  Scenario: A star step first in a scenario, which Reqnroll takes as a Given
    * the display shows 0

  Scenario Outline: A step bound only under a tag, used under it and without it
    Given a step bound only in scenarios tagged lit

    @lit
    Examples: under the tag
      | row |
      | 1   |

    Examples: without it
      | row |
      | 2   |
