using MlApt.Crystal;
using MlApt.Specimens;
using MlApt.Validation;

namespace MlApt.Tests.Validation;

/// <summary>Specimens of the ⟨111⟩ L1₁ sweep and bank, and the ⟨001⟩ ones left as they were.</summary>
public class OrderTypeSpecimenTests
{
    /// <summary>Specs equal field by field (the composition list compared by content, not by reference).</summary>
    private static void Same(SpecimenSpec expected, SpecimenSpec actual)
    {
        Assert.Equal(expected.Composition, actual.Composition);
        Assert.Equal(expected with { Composition = actual.Composition }, actual);
    }

    [Fact]
    public void The001SpecimensAreThoseOfBefore()
    {
        for (var i = 0; i < 20; i++)
        {
            Same(ValidationSweep.Specimen(i), ValidationSweep.Specimen(i, OrderType.L12Along001));
            Same(SpecimenBank.SpecimenFor(1, i), SpecimenBank.SpecimenFor(1, i, OrderType.L12Along001));
            Assert.Equal(DomainStructure.L12, ValidationSweep.Specimen(i).Structure);
            Assert.Equal((0.0, 0.0, 1.0), ValidationSweep.Specimen(i).Orientation);
        }
        foreach (var (p, q) in EnvelopeGrid.Quick.Points().Zip(EnvelopeGrid.Quick.For(OrderType.L12Along001).Points()))
            Same(p.Spec, q.Spec);
    }

    [Fact]
    public void The111SweepSpecimens_HoldL11NiWithThePoleWithin3DegreesAndTheIssuesRanges()
    {
        var specs = Enumerable.Range(0, 40).Select(i => ValidationSweep.Specimen(i, OrderType.L11Along111)).ToList();
        foreach (var s in specs)
        {
            Assert.Equal(DomainStructure.L11, s.Structure);
            Assert.Equal("Ni", s.Element);
            Assert.InRange(ValidationSweep.PoleTiltDegrees(s, OrderType.L11Along111), 0, 3.0001);
            Assert.InRange(s.Efficiency, 0.4, 0.5);
            Assert.InRange(s.SigmaXy, 0.3, 0.4);
            Assert.InRange(s.SigmaZ, 0.03, 0.035);
            Assert.InRange(s.RadiusMin, 1.0, 1.0);
            Assert.InRange(s.RadiusMax, 1.8, 1.8);
            s.Validate();
        }
        Assert.Equal(specs.Count, specs.Select(s => s.Seed).Distinct().Count());
        Assert.DoesNotContain(specs, s => Enumerable.Range(0, 1000).Any(i => ValidationSweep.Specimen(i).Seed == s.Seed));
        // Tilts spread over the range, not all at one value.
        Assert.True(specs.Max(s => ValidationSweep.PoleTiltDegrees(s, OrderType.L11Along111)) > 2);
        Assert.True(specs.Min(s => ValidationSweep.PoleTiltDegrees(s, OrderType.L11Along111)) < 1);
    }

    [Fact]
    public void The111BankSpecimens_DifferFromThe001OnesOnlyInTheirOrder()
    {
        for (var i = 0; i < 5; i++)
        {
            var a = SpecimenBank.SpecimenFor(1, i);
            var b = SpecimenBank.SpecimenFor(1, i, OrderType.L11Along111);
            Same(a with { Structure = DomainStructure.L11, Orientation = (1, 1, 1) }, b);
        }
    }
}
