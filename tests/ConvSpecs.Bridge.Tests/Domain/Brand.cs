namespace ConvSpecs.Bridge.Tests.Domain;

/// <summary>The subject a calculator scenario runs against; passed in by the test, never created by the container.</summary>
public sealed record Brand(string Name);
