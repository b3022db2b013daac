namespace MlApt.Io;

/// <summary>
/// A problem with user input (a file or an argument): the message is one line that names the
/// source, the place (line, byte offset, ion index) and what was expected. The command line prints
/// it alone on stderr and exits with code 2.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception from a complete one-line message.</summary>
    public InputException(string message) : base(message) { }

    /// <summary>Creates the exception with an inner cause (shown only with --verbose).</summary>
    public InputException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates an exception for a message without a more specific source.</summary>
    public InputException() : base("invalid input") { }
}
