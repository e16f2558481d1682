Feature: Unparsable
  Scenario: Fine so far
    Given the display shows 1
  This line is not Gherkin
