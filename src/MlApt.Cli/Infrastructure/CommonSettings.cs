using System.ComponentModel;
using Spectre.Console.Cli;

namespace MlApt.Cli.Infrastructure;

/// <summary>Options every command has.</summary>
internal class CommonSettings : CommandSettings
{
    /// <summary>Show stack traces with errors.</summary>
    [CommandOption("--verbose")]
    [Description("Show the full exception (stack trace) with an error.")]
    public bool Verbose { get; init; }
}
