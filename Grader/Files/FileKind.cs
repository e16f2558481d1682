namespace ConvSpecs.Grader.Files;

/// <summary>What a directory entry is, read with lstat: a link is a link, never what it points at.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}

public static class FileKinds
{
    /// <summary>"a symbolic link", "a FIFO (named pipe)": how a message names the kind.</summary>
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "missing",
    };
}
