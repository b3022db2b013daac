using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MlApt.Io;

namespace MlApt.Study;

/// <summary>Throws one-line input errors that name the sample table's row and column.</summary>
internal static class StudyInputError
{
    /// <summary>
    /// Throws for a cell: <c>table: row R, column 'C': message</c>. Rows are the table's line numbers
    /// (the header is row 1), as a spreadsheet shows them.
    /// </summary>
    [DoesNotReturn]
    public static void At(string source, int row, string column, string message) =>
        throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{source}: row {row}, column '{column}': {message}"));

    /// <summary>Throws for a whole row.</summary>
    [DoesNotReturn]
    public static void AtRow(string source, int row, string message) =>
        throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{source}: row {row}: {message}"));

    /// <summary>Throws for a whole row; typed for use in expressions.</summary>
    [DoesNotReturn]
    public static T AtRowReturn<T>(string source, int row, string message)
    {
        AtRow(source, row, message);
        return default!;
    }

    /// <summary>Throws for a whole column.</summary>
    [DoesNotReturn]
    public static void AtColumn(string source, string column, string message) =>
        throw new InputException($"{source}: column '{column}': {message}");
}
