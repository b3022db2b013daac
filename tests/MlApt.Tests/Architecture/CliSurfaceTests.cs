using System.Runtime.CompilerServices;

namespace MlApt.Tests.Architecture;

/// <summary>The command line is an adapter, not a library: nothing in it is public, and a class nobody derives from is sealed.</summary>
public class CliSurfaceTests
{
    private static readonly Type[] CliTypes = [.. typeof(MlApt.Cli.MlAptApp).Assembly.GetTypes()
        .Where(t => t.GetCustomAttributes(typeof(CompilerGeneratedAttribute), false).Length == 0 && !t.Name.StartsWith('<'))];

    [Fact]
    public void No_command_line_type_is_public() =>
        Assert.Empty(CliTypes.Where(t => t.IsVisible).Select(t => t.FullName));

    [Fact]
    public void Command_line_classes_are_sealed_unless_derived_from()
    {
        var bases = CliTypes.Select(t => t.BaseType).Where(b => b is not null).ToHashSet();
        Assert.Empty(CliTypes.Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !bases.Contains(t) && t.DeclaringType is null)
            .Select(t => t.FullName));
    }
}
