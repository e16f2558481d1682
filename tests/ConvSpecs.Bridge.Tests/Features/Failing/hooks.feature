Feature: Failing hooks and disposal
  Hooks and objects that fail around the steps: the scenario fails, and the next one runs as usual.

  @after-step-fails
  Scenario: A hook after a step fails
    Given the workbench is ready
    Then the display shows 0

  Scenario: An object of the scenario fails to be disposed
    Given a fuse that blows when it is disposed

  Scenario: A scenario after them runs as usual
    Given the workbench is ready
