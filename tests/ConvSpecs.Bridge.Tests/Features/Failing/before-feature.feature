@before-feature-fails
Feature: A feature whose BeforeFeature hook fails
  As in Reqnroll, none of its scenarios runs.

  Scenario: The first scenario of the feature
    Given the workbench is ready

  Scenario: The second scenario of the feature
    Given the workbench is ready
