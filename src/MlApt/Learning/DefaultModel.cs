using System.Security.Cryptography;
using MlApt.Crystal;
using MlApt.Io;

namespace MlApt.Learning;

/// <summary>
/// A model embedded in the library, made by a project script and chosen by the order type it looks for
/// (<c>--pole</c>): <c>Learning/Models/default.safetensors</c> (L1₂-type Ni order along ⟨001⟩,
/// <c>scripts/train-default-model.sh</c>) and <c>Learning/Models/default-111.safetensors</c> (L1₁-type Ni order
/// along ⟨111⟩, <c>scripts/train-default-model-111.sh</c>).
/// </summary>
public sealed class BuiltInModel
{
    private readonly Lazy<byte[]?> bytes;

    internal BuiltInModel(string file, OrderType order, string script)
    {
        File = file;
        Order = order;
        Script = script;
        bytes = new(() =>
        {
            using var s = typeof(BuiltInModel).Assembly.GetManifestResourceStream("MlApt." + file);
            if (s is null) return null;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        });
    }

    /// <summary>The file name, e.g. <c>default.safetensors</c>.</summary>
    public string File { get; }
    /// <summary>How the model is named in outputs, e.g. <c>embedded:default.safetensors</c>.</summary>
    public string Name => "embedded:" + File;
    /// <summary>The order type the model is made for.</summary>
    public OrderType Order { get; }
    /// <summary>The script that trains it.</summary>
    public string Script { get; }
    /// <summary>Whether this build carries the model.</summary>
    public bool Available => bytes.Value is not null;
    /// <summary>sha256 of the model file, or <c>none</c>.</summary>
    public string Id => bytes.Value is { } b ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(b)) : "none";

    /// <summary>Loads the model; an <see cref="InputException"/> naming <c>model</c> when this build has none.</summary>
    public CnnEnsemble Load() =>
        bytes.Value is { } b ? ModelFile.Load(b, Name)
            : throw new InputException($"model: this build has no built-in model for {Order.Describe()} ({File}); give a model file (see {Script})");

    /// <summary>
    /// The order the model's metadata records; what it does not record is the order the model is made for
    /// (its files from before the <c>order.*</c> keys).
    /// </summary>
    public ModelOrder DescribeOrder(CnnEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        return ModelOrder.Read(ensemble.Metadata, ModelOrder.Of(Order));
    }
}

/// <summary>
/// The models embedded in the library: maps and validations use the one of the asked-for order type when no
/// model is given, the ⟨001⟩ L1₂-type one by default.
/// </summary>
public static class DefaultModel
{
    /// <summary>The ⟨001⟩ L1₂-type Ni model, the default.</summary>
    public static BuiltInModel Default001 { get; } = new("default.safetensors", OrderType.L12Along001, "scripts/train-default-model.sh");

    /// <summary>The ⟨111⟩ L1₁-type Ni model.</summary>
    public static BuiltInModel Default111 { get; } = new("default-111.safetensors", OrderType.L11Along111, "scripts/train-default-model-111.sh");

    /// <summary>Every built-in model, the default first.</summary>
    public static IReadOnlyList<BuiltInModel> All { get; } = [Default001, Default111];

    /// <summary>How the default (⟨001⟩) model is named in outputs.</summary>
    public const string Name = "embedded:default.safetensors";

    /// <summary>Whether this build carries the default model.</summary>
    public static bool Available => Default001.Available;

    /// <summary>sha256 of the default model.</summary>
    public static string Id => Default001.Id;

    /// <summary>Loads the default model; an <see cref="InputException"/> naming <c>model</c> when this build has none.</summary>
    public static CnnEnsemble Load() => Default001.Load();

    /// <summary>The built-in model made for <paramref name="order"/>.</summary>
    public static BuiltInModel For(OrderType order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return All.FirstOrDefault(m => m.Order == order)
            ?? throw new ArgumentException($"no built-in model for {order.Describe()}", nameof(order));
    }
}
