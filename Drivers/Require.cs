namespace ConvSpecs.Drivers;

/// <summary>A rule the student's model does not meet; the message is what the student reads.</summary>
public sealed class RuleNotMet(string message) : Exception(message);

/// <summary>
/// The checks of Then steps. Each takes the plain sentence a student reads when it fails: what the rule
/// needs, what was measured, what to change. nb. no assertion library: their wording ("Expected x to be
/// &lt;null&gt;, but found …") names the suite's variables, not the student's model.
/// </summary>
public static class Require
{
    public static void That(bool condition, string message)
    {
        if (!condition) throw new RuleNotMet(message);
    }

    /// <summary>Fails with the message the factory builds only when the condition fails (messages that need measuring).</summary>
    public static void That(bool condition, Func<string> message)
    {
        if (!condition) throw new RuleNotMet(message());
    }
}
