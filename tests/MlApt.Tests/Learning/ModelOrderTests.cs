using MlApt.Crystal;
using MlApt.Imaging;
using MlApt.Learning;
using MlApt.Sdm;

namespace MlApt.Tests.Learning;

public class ModelOrderTests
{
    private static CnnEnsemble Sample(Dictionary<string, string> metadata)
    {
        var a = new CnnArchitecture(2, 93, 8, 10, Padding.Valid, 2, 32, 2);
        return new CnnEnsemble(a, [Reference.RandomWeights(a, 1)], ["matrix", "CSRO"], ["Ni-Ni", "Co-Co"], metadata);
    }

    [Fact]
    public void OrderPairsAndDecision_SurviveSaveAndLoad()
    {
        using var dir = new TempDir();
        var path = dir.File("m.safetensors");
        var metadata = new Dictionary<string, string>();
        ModelOrder.Of(OrderType.L11Along111).WriteTo(metadata);
        new MapTuning(SdmStage.Normalized, 1.25, 16, 0.7, "mean", 0.35).WriteTo(metadata);
        ModelFile.Save(path, Sample(metadata));
        var back = ModelFile.Load(path);
        Assert.Equal(new ModelOrder("111", "L11", "Ni"), ModelOrder.Read(back.Metadata));
        Assert.Equal(OrderType.L11Along111, ModelOrder.Read(back.Metadata).AsOrderType());
        Assert.Equal(["Ni-Ni", "Co-Co"], back.Pairs);
        Assert.Equal(new MapTuning(SdmStage.Normalized, 1.25, 16, 0.7, "mean", 0.35), MapTuning.Read(back.Metadata));
        // --align looks along the pole the model records.
        Assert.Equal(new PlaneFamily(1, 1, 1), MapAlignment.PoleOf(back.Metadata));
    }

    [Fact]
    public void FileWithoutOrderKeys_IsUnknown_UnlessItsBankSays()
    {
        Assert.Equal(ModelOrder.Unknown, ModelOrder.Read(new Dictionary<string, string> { ["bank.preset"] = "x" }));
        Assert.False(ModelOrder.Read(new Dictionary<string, string>()).Complete);
        var fromBank = ModelOrder.Read(new Dictionary<string, string>
        {
            ["bank.orientation_hkl"] = "[\n 1,\n 1,\n 1\n]",
            ["bank.classes"] = """[{"name":"matrix","motif":"SolidSolution","elements":["Co","Cr","Ni"]},{"name":"CSRO","motif":"L11","elements":["Ni","Co","Cr"]}]""",
        });
        Assert.Equal(new ModelOrder("111", "L11", "Ni"), fromBank);
    }

    [Fact]
    public void EmbeddedDefaultWithoutKeys_ReadsAsL12NiAlong001()
    {
        // What the embedded default's files from before the order keys say when their bank metadata is gone too.
        Assert.Equal(new ModelOrder("001", "L12", "Ni"), DefaultModel.Default001.DescribeOrder(Sample([])));
        var loaded = DefaultModel.Load();
        Assert.Equal(new ModelOrder("001", "L12", "Ni"), DefaultModel.Default001.DescribeOrder(loaded));
    }

    [Fact]
    public void TrainingRecordsTheBanksOrder()
    {
        // A specimen bank along ⟨111⟩, saved and read back as train reads it.
        using var dir = new TempDir();
        var bank = MlApt.Validation.SpecimenBank.Generate(1, 3, SdmStage.Normalized, 1.25, [new ElementPair("Ni", "Ni")], order: OrderType.L11Along111);
        MlApt.Banks.BankFile.Save(dir.File("b.npz"), bank);
        Assert.Equal(new ModelOrder("111", "L11", "Ni"), ModelOrder.FromBank(TrainingBank.Load(dir.File("b.npz")).Metadata));
    }

    [Theory]
    [InlineData("001", "L12")]
    [InlineData("111", "L11")]
    [InlineData("[111]", "L11")]
    [InlineData("0,0,1", "L12")]
    public void ForPole_KnowsTheBuiltInOrderTypes(string pole, string structure) =>
        Assert.Equal(structure, OrderType.ForPole(pole).Structure);

    [Theory]
    [InlineData("002")]
    [InlineData("110")]
    [InlineData("11")]
    public void ForPole_RefusesOtherPoles(string pole) =>
        Assert.Contains("expected 001 or 111", Assert.Throws<ArgumentException>(() => OrderType.ForPole(pole, "pole")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(2.5, 0.3)]
    [InlineData(3.0, 4.0)]
    public void TiltedPole_IsTiltedByTheAngle(double degrees, double azimuth)
    {
        foreach (var order in OrderType.BuiltIn)
        {
            var (h, k, l) = order.TiltedPole(degrees, azimuth);
            var spec = new MlApt.Specimens.SpecimenSpec { Orientation = (h, k, l) };
            Assert.Equal(degrees, MlApt.Validation.ValidationSweep.PoleTiltDegrees(spec, order), 6);
        }
    }
}
