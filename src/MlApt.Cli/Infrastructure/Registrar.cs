using Spectre.Console.Cli;

namespace MlApt.Cli.Infrastructure;

/// <summary>
/// The smallest type registrar Spectre.Console.Cli needs: registered instances and types, and
/// constructor injection for commands (so that they receive <see cref="CliIo"/>).
/// </summary>
internal sealed class Registrar(CliIo io) : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, Func<object>> _factories = new() { [typeof(CliIo)] = () => io };

    public void Register(Type service, Type implementation) => _factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var lazy = new Lazy<object>(factory);
        _factories[service] = () => lazy.Value;
    }

    public ITypeResolver Build() => this;

    public object? Resolve(Type? type)
    {
        if (type is null)
            return null;
        if (_factories.TryGetValue(type, out var f))
            return f();
        return type.IsAbstract || type.IsInterface ? null : Create(type);
    }

    private object Create(Type type)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray();
        return ctor.Invoke(args);
    }
}
