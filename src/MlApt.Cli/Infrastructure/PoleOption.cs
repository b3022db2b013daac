using MlApt.Crystal;
using MlApt.Io;

namespace MlApt.Cli.Infrastructure;

/// <summary>The <c>--pole 001|111</c> option: the built-in order type seen along that pole.</summary>
internal static class PoleOption
{
    /// <summary>The order type of <paramref name="text"/>; anything else is one input-error line naming <paramref name="option"/>.</summary>
    public static OrderType Parse(string text, string option)
    {
        try
        {
            return OrderType.ForPole(text, option);
        }
        catch (ArgumentException)
        {
            InputError.In(option, $"'{text}': expected {string.Join(" or ", OrderType.PoleNames)} (the built-in order types: {string.Join("; ", OrderType.BuiltIn.Select(o => $"{o.PoleName}: {o.Describe()}"))})");
            throw;
        }
    }
}
