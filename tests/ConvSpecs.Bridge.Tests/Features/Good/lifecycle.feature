@lifecycle
Feature: Scenario lifecycle
  Hooks, context injection and disposal around one scenario.

  Scenario: Steps share the objects of their scenario
    Given the workbench is ready
    When a step writes "hello" to the output
    And a step waits
    Then the workbench was created once
    And the lamp is the one this scenario uses
