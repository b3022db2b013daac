namespace MlApt.Cli.Infrastructure;

/// <summary>
/// The library names a bad argument by its parameter (<c>box: …</c>); the command line says which of its
/// options that was (<c>--box: …</c>).
/// </summary>
internal static class OptionNames
{
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        ["box"] = "--box",
        ["ranges"] = "--ranges",
        ["pair"] = "--pair",
        ["truth"] = "--truth",
        ["label"] = "--label",
        ["normalize"] = "--normalize",
        ["property"] = "--property",
        ["composition"] = "--composition",
        ["profile"] = "--profile",
        ["model"] = "--model",
        ["pole"] = "--pole",
        ["rule"] = "--rule",
        ["threshold"] = "--threshold",
        ["min-domain"] = "--min-domain",
        ["domain-fraction"] = "--domain-fraction",
        ["map-stage"] = "--map-stage",
        ["map-sphere"] = "--map-sphere",
        ["map-min-domain"] = "--map-min-domain",
        ["map-domain-fraction"] = "--map-domain-fraction",
        ["map-rule"] = "--map-rule",
        ["element"] = "--element",
        ["other"] = "--other",
        ["structure"] = "--structure",
        ["classes"] = "--classes",
        ["channels"] = "--channels",
        ["orientation"] = "--orientation",
        ["sigma-xy"] = "--sigma-xy",
        ["sigma-z"] = "--sigma-z",
        ["eta"] = "--eta",
        ["tilt"] = "--tilt",
        ["lattice"] = "--lattice",
        ["sdm-stage"] = "--sdm-stage",
        ["sphere-radius"] = "--sphere-radius",
        ["size"] = "--size",
        ["radius"] = "--radius",
        ["domains"] = "--domains",
        ["order"] = "--order",
        ["lattice-parameter"] = "--lattice-parameter",
        ["index"] = "--index",
        ["class"] = "--class",
        ["charges"] = "--charges",
        ["specimens"] = "--specimens",
        ["domain-free"] = "--domain-free",
        ["samples-per-specimen"] = "--samples-per-specimen",
        ["epochs"] = "--epochs",
        ["folds"] = "--folds",
        ["tuning-specimens"] = "--tuning-specimens",
        ["validation-specimens"] = "--validation-specimens",
        ["check-size"] = "--check-size",
        ["map-threshold"] = "--map-threshold",
    };

    /// <summary>The message with a leading library parameter name replaced by its option.</summary>
    public static string Spell(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var end = message.IndexOfAny([':', ' ']);
        return end > 0 && Options.TryGetValue(message[..end], out var option) ? option + message[end..] : message;
    }
}
