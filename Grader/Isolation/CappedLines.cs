using System.Text;
using System.Threading.Channels;

namespace ConvSpecs.Grader.Isolation;

/// <summary>
/// Reads a pipe a student's process writes to, in bounded memory whatever arrives: a line longer than
/// <c>maxLine</c> bytes is cut there (the rest of it is read and dropped), and lines are handed on one at a time.
/// A 600 MiB line costs the grader one buffer, not 600 MiB.
/// </summary>
public static class CappedLines
{
    private const int BufferBytes = 64 * 1024;

    /// <summary>Reads <paramref name="pipe"/> to its end, writing each line (cut at <paramref name="maxLine"/> bytes, marked) to <paramref name="lines"/>.</summary>
    public static async Task PumpAsync(Stream pipe, int maxLine, ChannelWriter<CappedLine> lines)
    {
        var buffer = new byte[BufferBytes];
        var line = new MemoryStream();
        var cut = false;
        try
        {
            int read;
            while ((read = await pipe.ReadAsync(buffer)) > 0)
            {
                var start = 0;
                while (start < read)
                {
                    var end = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                    var stop = end < 0 ? read : end;
                    var room = maxLine - (int)line.Length;
                    if (stop - start > room) cut = true;
                    line.Write(buffer, start, Math.Max(0, Math.Min(room, stop - start)));
                    if (end < 0) break;
                    await lines.WriteAsync(new CappedLine(Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length), cut));
                    line.SetLength(0);
                    cut = false;
                    start = end + 1;
                }
            }
            if (line.Length > 0) await lines.WriteAsync(new CappedLine(Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length), cut));
        }
        catch (IOException)
        {
            // the grader closed its end after killing the student's processes
        }
        catch (ObjectDisposedException)
        {
        }
        catch (ChannelClosedException)
        {
            // nobody listens any more: the grader has what it needs from this process
        }
        finally
        {
            lines.TryComplete();
        }
    }
}

/// <summary>One line read from a student's pipe; <paramref name="Cut"/> when it was longer than the cap.</summary>
public sealed record CappedLine(string Text, bool Cut);
