using System.Diagnostics;
using System.Reflection;

namespace ConvSpecs.Grader.Check;

/// <summary>Where in the student's own code an exception went through ("Net.cs:23 in forward"); runner and library frames are left out.</summary>
public static class StudentFrames
{
    public static IReadOnlyList<string> Of(Exception? error, Assembly student)
    {
        var frames = new List<string>();
        for (var current = error; current is not null; current = current.InnerException)
            foreach (var frame in new StackTrace(current, fNeedFileInfo: true).GetFrames())
            {
                var method = frame.GetMethod();
                if (method?.DeclaringType?.Assembly != student || frame.GetFileName() is not { Length: > 0 } file) continue;
                var where = $"{file}:{frame.GetFileLineNumber()} in {method.DeclaringType.Name}.{method.Name}";
                if (!frames.Contains(where)) frames.Add(where);
            }
        return frames;
    }
}
