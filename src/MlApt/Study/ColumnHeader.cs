namespace MlApt.Study;

/// <summary>A column header split into its name and the unit in trailing brackets, e.g. <c>hardness [GPa]</c>.</summary>
/// <param name="Header">The header as written.</param>
/// <param name="Name">The name without the unit.</param>
/// <param name="Unit">The unit (from <c>[…]</c> or <c>(…)</c> at the end), or null.</param>
public sealed record ColumnHeader(string Header, string Name, string? Unit)
{
    /// <summary>Splits a header.</summary>
    public static ColumnHeader Parse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var h = header.Trim();
        foreach (var (open, close) in new[] { ('[', ']'), ('(', ')') })
        {
            if (h.Length > 2 && h[^1] == close)
            {
                var start = h.LastIndexOf(open);
                if (start > 0)
                {
                    var unit = h[(start + 1)..^1].Trim();
                    var name = h[..start].Trim();
                    if (name.Length > 0)
                        return new ColumnHeader(h, name, unit.Length > 0 ? unit : null);
                }
            }
        }
        return new ColumnHeader(h, h, null);
    }

    /// <summary>True when <paramref name="text"/> names this column: its whole header or its name, case-insensitively.</summary>
    public bool Matches(string text) =>
        string.Equals(text?.Trim(), Header, StringComparison.OrdinalIgnoreCase) || string.Equals(text?.Trim(), Name, StringComparison.OrdinalIgnoreCase);
}
