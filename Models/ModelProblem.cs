namespace ConvSpecs.Models;

/// <summary>A student model that breaks the contract or misbehaves: the message says what and how to fix it.</summary>
public sealed class ModelProblem(string message, Exception? inner = null) : Exception(message, inner);
