Feature: Failures
  Scenarios that fail on purpose, to check what a failure reports.

  @lifecycle @explode-before
  Scenario: A hook fails before the steps
    Given the workbench is ready

  Rule: A failing step stops the scenario
    @lifecycle
    Scenario: A step throws
      Given the workbench is ready
      Then the step fails with "the lamp is broken"
      And the workbench was created once

    Scenario: A step is pending
      Given a step that is not written yet
      Then the display shows 0
