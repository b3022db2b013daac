using MlApt.Io;

namespace MlApt.Sdm;

/// <summary>The names of the z-SDM processing stages as users write them (raw, normalized/normalised, preprocessed).</summary>
internal static class SdmStageText
{
    /// <summary>
    /// Parses a stage name (any case); <paramref name="allowRaw"/> admits <c>raw</c>. Errors name <paramref name="parameter"/>.
    /// </summary>
    public static SdmStage Parse(string text, string parameter, bool allowRaw = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToUpperInvariant() switch
        {
            "RAW" when allowRaw => SdmStage.Raw,
            "NORMALIZED" or "NORMALISED" => SdmStage.Normalized,
            "PREPROCESSED" => SdmStage.Preprocessed,
            _ => throw new InputException($"{parameter} '{text}': expected {(allowRaw ? "raw, normalized or preprocessed" : "preprocessed or normalized")}"),
        };
    }

    /// <summary>The stage's name in lower case, as written in outputs.</summary>
    public static string Name(SdmStage stage) => stage.ToString().ToLowerInvariant();
}
