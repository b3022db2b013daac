using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MlApt.Cli.Infrastructure;

/// <summary>Options every command has.</summary>
internal class CommonSettings : CommandSettings
{
    /// <summary>Show stack traces with errors.</summary>
    [CommandOption("--verbose")]
    [Description("Show the full exception (stack trace) with an error.")]
    public bool Verbose { get; init; }

    /// <summary>Thread limit of the computation (null: all cores).</summary>
    [CommandOption("--threads <N>")]
    [Description("Worker threads (default: all cores), e.g. on a shared node. Results do not depend on it.")]
    public int? Threads { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Threads is { } t && t is < 1 or > 1024)
            return ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"--threads {t}: expected 1 … 1024"));
        return base.Validate();
    }
}
