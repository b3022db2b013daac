using MlApt.Learning;
using MlApt.Numerics;

namespace MlApt.Tests.Learning;

/// <summary>
/// Finite-difference checks of every backward pass. Each layer's output is projected on a fixed random
/// vector r (L = Σ r·y, accumulated in double), so its analytic gradients come from backward(dy = r).
/// Conv1D and Dense are linear in inputs and parameters, so a large step is exact up to rounding;
/// ReLU and max pooling are checked at inputs kept away from their kinks and ties.
/// </summary>
public class GradientCheckTests
{
    private static double Project(ReadOnlySpan<float> y, ReadOnlySpan<float> r)
    {
        var s = 0.0;
        for (var i = 0; i < r.Length; i++)
            s += (double)y[i] * r[i];
        return s;
    }

    /// <summary>Central difference of <paramref name="loss"/> in v[i], step h; v is restored.</summary>
    private static double Numeric(float[] v, int i, float h, Func<double> loss)
    {
        var keep = v[i];
        v[i] = keep + h;
        var up = loss();
        v[i] = keep - h;
        var down = loss();
        v[i] = keep;
        return (up - down) / (2.0 * h);
    }

    private static void AssertClose(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * (1 + Math.Abs(expected)), $"{what}: numeric {expected} vs analytic {actual}");

    [Theory]
    [InlineData(1, Padding.Valid)]
    [InlineData(2, Padding.Same)]
    public void Conv1D_input_and_parameter_gradients(int channels, Padding padding)
    {
        var a = new CnnArchitecture(channels, 20, 5, 4, padding, 2, 8, 2);
        const int batch = 3;
        var x = Reference.RandomFloats(batch * channels * 20, 1);
        var kernel = Reference.RandomFloats(4 * channels * 5, 2);
        var bias = Reference.RandomFloats(5, 3);
        var outSize = batch * a.ConvLength * 5;
        var r = Reference.RandomFloats(outSize, 4);
        var cols = new float[batch * a.ConvLength * 4 * channels];
        var y = new float[outSize];
        double Loss()
        {
            Conv1D.Im2Col(x, batch, a, cols);
            Conv1D.Forward(cols, batch, a, kernel, bias, y);
            return Project(y, r);
        }
        Loss();
        var dKernel = new float[kernel.Length];
        var dBias = new float[5];
        var dx = new float[x.Length];
        Conv1D.BackwardParameters(cols, r, batch, a, dKernel, dBias);
        Conv1D.BackwardInput(r, batch, a, kernel, new float[cols.Length], dx);
        for (var i = 0; i < kernel.Length; i++)
            AssertClose(Numeric(kernel, i, 0.25f, Loss), dKernel[i], 1e-4, $"kernel[{i}]");
        for (var i = 0; i < bias.Length; i++)
            AssertClose(Numeric(bias, i, 0.25f, Loss), dBias[i], 1e-4, $"bias[{i}]");
        for (var i = 0; i < x.Length; i++)
            AssertClose(Numeric(x, i, 0.25f, Loss), dx[i], 1e-4, $"x[{i}]");
    }

    [Fact]
    public void Dense_input_and_parameter_gradients()
    {
        const int batch = 5, inputs = 37, outputs = 19;
        var x = Reference.RandomFloats(batch * inputs, 5);
        var kernel = Reference.RandomFloats(inputs * outputs, 6);
        var bias = Reference.RandomFloats(outputs, 7);
        var r = Reference.RandomFloats(batch * outputs, 8);
        var y = new float[batch * outputs];
        double Loss()
        {
            Dense.Forward(x, batch, inputs, outputs, kernel, bias, y);
            return Project(y, r);
        }
        var dKernel = new float[kernel.Length];
        var dBias = new float[outputs];
        var dx = new float[x.Length];
        Dense.Backward(x, r, batch, inputs, outputs, kernel, dKernel, dBias, dx);
        for (var i = 0; i < kernel.Length; i += 7)
            AssertClose(Numeric(kernel, i, 0.25f, Loss), dKernel[i], 1e-4, $"kernel[{i}]");
        for (var i = 0; i < outputs; i++)
            AssertClose(Numeric(bias, i, 0.25f, Loss), dBias[i], 1e-4, $"bias[{i}]");
        for (var i = 0; i < x.Length; i++)
            AssertClose(Numeric(x, i, 0.25f, Loss), dx[i], 1e-4, $"x[{i}]");
    }

    [Fact]
    public void Relu_input_gradient()
    {
        // Values at least 0.1 away from the kink, step 0.01.
        var x = Reference.RandomFloats(64, 9).Select(v => v >= 0 ? v + 0.1f : v - 0.1f).ToArray();
        var r = Reference.RandomFloats(64, 10);
        var y = new float[64];
        double Loss()
        {
            Relu.Forward(x, y);
            return Project(y, r);
        }
        Loss();
        var dx = new float[64];
        Relu.Backward(x, r, dx);
        for (var i = 0; i < x.Length; i++)
            AssertClose(Numeric(x, i, 0.01f, Loss), dx[i], 1e-3, $"x[{i}]");
    }

    [Fact]
    public void MaxPool_input_gradient()
    {
        const int batch = 2, length = 9, filters = 19, pool = 2;
        // Distinct values 0.1 apart, shuffled: no ties within a step of 0.01.
        var values = Enumerable.Range(0, batch * length * filters).Select(i => 0.1f * i).ToArray();
        new Random(11).Shuffle(values);
        var outSize = batch * (length / pool) * filters;
        var r = Reference.RandomFloats(outSize, 12);
        var y = new float[outSize];
        double Loss()
        {
            MaxPool1D.Forward(values, batch, length, filters, pool, y);
            return Project(y, r);
        }
        Loss();
        var dx = new float[values.Length];
        dx.AsSpan().Fill(float.NaN);
        MaxPool1D.Backward(values, y, r, batch, length, filters, pool, dx);
        for (var i = 0; i < values.Length; i++)
            AssertClose(Numeric(values, i, 0.01f, Loss), dx[i], 1e-3, $"x[{i}]");
        // The trailing bin of each odd-length sequence is dropped: its gradient is zero.
        Assert.Equal(0f, dx[(length - 1) * filters]);
    }

    [Fact]
    public void MaxPool_gives_a_tied_window_gradient_to_its_first_maximum_only()
    {
        float[] x = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var y = new float[17];
        MaxPool1D.Forward(x, 1, 2, 17, 2, y);
        var dy = Enumerable.Repeat(1f, 17).ToArray();
        var dx = new float[34];
        MaxPool1D.Backward(x, y, dy, 1, 2, 17, 2, dx);
        Assert.All(dx[..17], v => Assert.Equal(1f, v));
        Assert.All(dx[17..], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Dropout_input_gradient_uses_the_same_mask()
    {
        var x = Reference.RandomFloats(100, 13);
        var r = Reference.RandomFloats(100, 14);
        var mask = new float[100];
        Dropout.FillMask(mask, 0.5, new SeededRandom(1));
        Assert.All(mask, m => Assert.True(m is 0f or 2f));
        Assert.InRange(mask.Count(m => m == 0), 30, 70);
        var y = new float[100];
        double Loss()
        {
            Dropout.Forward(x, mask, y);
            return Project(y, r);
        }
        var dx = new float[100];
        Dropout.Backward(r, mask, dx);
        for (var i = 0; i < x.Length; i++)
            AssertClose(Numeric(x, i, 0.25f, Loss), dx[i], 1e-4, $"x[{i}]");
    }

    [Fact]
    public void SoftmaxCrossEntropy_logit_gradient_with_sample_weights()
    {
        const int batch = 4, classes = 3;
        var z = Reference.RandomFloats(batch * classes, 15, -2, 2);
        int[] labels = [0, 2, 1, 2];
        float[] weights = [1f, 0.5f, 2f, 1.5f];
        var p = new float[z.Length];
        double Loss()
        {
            SoftmaxCrossEntropy.Softmax(z, batch, classes, p);
            return SoftmaxCrossEntropy.Loss(p, labels, classes, weights) / batch;
        }
        Loss();
        var dz = new float[z.Length];
        SoftmaxCrossEntropy.Backward(p, labels, classes, weights, 1f / batch, dz);
        for (var i = 0; i < z.Length; i++)
            AssertClose(Numeric(z, i, 1e-2f, Loss), dz[i], 2e-3, $"z[{i}]");
    }

    [Theory]
    [InlineData(1, 2, Padding.Valid, false)]
    [InlineData(2, 3, Padding.Same, true)]
    public void Whole_network_loss_gradient(int channels, int classes, Padding padding, bool dropout)
    {
        var a = new CnnArchitecture(channels, 24, 4, 5, padding, 2, 12, classes, dropout ? 0.5 : 0.0);
        const int batch = 6;
        var w = Reference.RandomWeights(a, 16, 0.5f);
        var x = Reference.RandomFloats(batch * channels * 24, 17, 0, 1);
        var labels = Enumerable.Range(0, batch).Select(i => i % classes).ToArray();
        var net = new Network(a, batch);
        // Re-seeding the dropout generator for every evaluation keeps the mask fixed.
        double Loss()
        {
            net.Forward(x, batch, w, dropout ? new SeededRandom(99) : null);
            return net.Loss(labels, default) / batch;
        }
        Loss();
        var g = new CnnWeights(a);
        net.Backward(labels, default, w, g);
        var checkedCount = 0;
        foreach (var ((name, data, _), (_, grad, _)) in w.Tensors().Zip(g.Tensors()))
            for (var i = 0; i < data.Length; i += Math.Max(1, data.Length / 25))
            {
                AssertClose(Numeric(data, i, 2e-3f, Loss), grad[i], 2e-2, $"{name}[{i}]");
                checkedCount++;
            }
        Assert.True(checkedCount > 60);
    }
}
