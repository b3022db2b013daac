using System.Reflection;
using MlApt.Numerics;
using NetArchTest.Rules;

namespace MlApt.Tests.Architecture;

/// <summary>
/// The library's folders are floors in the order the data travels; a floor may use the floors below it
/// and never one above, so there are no dependency circles. A new folder must be placed in
/// <see cref="Floors"/> (the last test fails until it is).
/// </summary>
public class FloorOrderTests
{
    /// <summary>Bottom first. The namespace of every library type starts with one of these.</summary>
    public static readonly string[] Floors =
    [
        "MlApt.Numerics", "MlApt.Geometry", "MlApt.Io", "MlApt.Crystal", "MlApt.Sdm", "MlApt.Learning",
        "MlApt.Sro", "MlApt.Specimens", "MlApt.Banks", "MlApt.Imaging", "MlApt.Validation", "MlApt.Reporting", "MlApt.Study",
    ];

    private static readonly Assembly Library = typeof(SeededRandom).Assembly;

    public static TheoryData<int> FloorIndices() => [.. Enumerable.Range(0, Floors.Length)];

    [Theory]
    [MemberData(nameof(FloorIndices))]
    public void A_floor_uses_no_floor_above_it(int floor)
    {
        var above = Floors[(floor + 1)..];
        if (above.Length == 0) return;
        var result = Types.InAssembly(Library).That().ResideInNamespace(Floors[floor])
            .ShouldNot().HaveDependencyOnAny(above).GetResult();
        Assert.True(result.IsSuccessful,
            $"{Floors[floor]} uses a floor above it ({string.Join(", ", Floors[(floor + 1)..])}): " +
            string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_sees_a_real_dependency()
    {
        // Reporting draws maps, so "Reporting uses no Imaging" must fail: the check is not vacuous.
        var result = Types.InAssembly(Library).That().ResideInNamespace("MlApt.Reporting")
            .ShouldNot().HaveDependencyOn("MlApt.Imaging").GetResult();
        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void Every_library_type_lives_on_a_floor()
    {
        var homeless = Library.GetTypes()
            .Where(t => t.Namespace is not null && !Floors.Any(f => t.Namespace == f || t.Namespace.StartsWith(f + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName).ToList();
        Assert.Empty(homeless);
    }

    [Fact]
    public void The_library_does_not_know_the_command_line()
    {
        Assert.DoesNotContain(Library.GetReferencedAssemblies(), a => a.Name is "mlapt" or "Spectre.Console" or "Spectre.Console.Cli");
    }
}
