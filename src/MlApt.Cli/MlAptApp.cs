using MlApt.Numerics;
using MlApt.Cli.Commands;
using MlApt.Cli.Infrastructure;
using MlApt.Io;
using Spectre.Console.Cli;

namespace MlApt.Cli;

/// <summary>
/// The <c>mlapt</c> command line: configures the commands and turns every failure into one line on
/// stderr with exit code 2 for bad input (1 for an internal fault), a stack trace only with --verbose.
/// </summary>
internal static class MlAptApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;
    /// <summary>Exit code for an unexpected internal fault.</summary>
    public const int InternalError = 1;
    /// <summary>Exit code for bad input: files, arguments, options.</summary>
    public const int BadInput = 2;
    /// <summary>Exit code after Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Runs the program with the given arguments and output writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CancellationToken.None);

    /// <summary>Runs the program; <paramref name="cancellationToken"/> (Ctrl-C) stops the command at its next safe point.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        var io = new CliIo(stdout, stderr);
        args = ArgumentAliases.Apply(args);
        var verbose = args.Contains("--verbose");
        var app = new CommandApp(new Registrar(io));
        app.Configure(config =>
        {
            config.SetApplicationName("mlapt");
            config.SetApplicationVersion(Provenance.Version);
            config.Settings.Console = io.Ansi;
            config.PropagateExceptions();
            config.Settings.StrictParsing = true;
            config.SetInterceptor(new ThreadLimit());
            config.ValidateExamples();

            config.AddCommand<RunCommand>("run")
                .WithDescription("Run the demo: simulate a CoCrNi specimen with Ni–Ni CSRO domains, map it with the default model, run the random-label control, validate against the truth, and write summary.json, figures and report.md.")
                .WithExample("run")
                .WithExample("run", "--out", "mlapt-demo", "--seed", "2");
            config.AddCommand<InfoCommand>("info")
                .WithDescription("Describe a reconstruction (POS, EPOS, APT, NeXus, CSV): format, ions, bounds and, with a range file or NeXus ranging, ions per species.")
                .WithExample("info", "specimen.pos", "--ranges", "specimen.rrng")
                .WithExample("info", "specimen.apt", "--json");
            config.AddCommand<ConvertCommand>("convert")
                .WithDescription("Convert a reconstruction between formats; .nxs writes NeXus NXapm (positions, mass-to-charge and, with ranges, the ion types) for NOMAD, pynxtools-apm, paraprobe and h5py.")
                .WithExample("convert", "specimen.pos", "--ranges", "specimen.rrng", "--out", "specimen.nxs")
                .WithExample("convert", "specimen.nxs", "--out", "specimen.epos");
            config.AddCommand<RangesCommand>("ranges")
                .WithDescription("Show a range file (RRNG, RNG, ENV) after merging duplicates, with overlaps reported.")
                .WithExample("ranges", "specimen.rrng", "--json");
            config.AddCommand<ZsdmCommand>("zsdm")
                .WithDescription("z-SDMs (93 bins) of an element pair around given centres: raw pair counts, normalized or preprocessed.")
                .WithExample("zsdm", "specimen.pos", "--ranges", "specimen.rrng", "--pair", "Ni-Ni", "--centers", "centres.csv", "--stage", "raw", "--out", "zsdm.csv");
            config.AddCommand<SdmCommand>("sdm")
                .WithDescription("The z-SDM and 2D SDM of a whole region, as CSV and PNG plots.")
                .WithExample("sdm", "specimen.pos", "--ranges", "specimen.rrng", "--pair", "Ni-Ni", "--box", "-5,5,-5,5,-20,0", "--out", "sdm-out");
            config.AddCommand<MapCommand>("map")
                .WithDescription("The main job: 3D CSRO maps of a reconstruction (voxel probabilities, sub-voxel scores, CSRO ions, domains) with a random-label control.")
                .WithExample("map", "specimen.pos", "--ranges", "specimen.rrng", "--pair", "Ni-Ni", "--model", "keras-models", "--box", "-10,10,-10,10,-120,0", "--control", "3", "--out", "map-out");
            config.AddCommand<AlignCommand>("align")
                .WithDescription("Put a crystal pole on z: find the plane family's pole closest to z from the data (plane contrast over directions) and rotate the reconstruction about the ions' centroid.")
                .WithExample("align", "specimen.pos", "--pole", "001", "--out", "aligned.pos", "--json")
                .WithExample("align", "specimen.pos", "--ranges", "specimen.rrng", "--element", "Ni", "--pole", "111", "--max-tilt", "15", "--out", "aligned.pos", "--plot", "align-plots");
            config.AddCommand<StudyCommand>("study")
                .WithDescription("Cross-sample study: relate processing and composition to CSRO (from mlapt map) and CSRO to properties, with fits, 95 % bands, Pearson and Spearman correlations, plots and a report.")
                .WithExample("study", "--table", "samples.csv", "--property", "resistivity", "--out", "study-out")
                .WithExample("study", "--table", "samples.csv", "--property", "resistivity", "--property", "hardness", "--out", "study-out", "--json");
            config.AddCommand<SimulateCommand>("simulate")
                .WithDescription("Simulate a specimen with known truth: a random solid solution with embedded ordered domains through the detector model (POS + truth JSON + range file).")
                .WithExample("simulate", "--out", "S.pos", "--size", "20,20,40", "--domains", "30", "--radius", "1.0-1.8", "--element", "Ni", "--structure", "L12", "--eta", "0.5", "--seed", "1");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Map a simulated specimen and score the map against its truth: precision, recall, F1, IoU, volume fractions, PR curve, null twin.")
                .WithExample("validate", "S.pos", "--truth", "S.truth.json", "--null", "--out", "val-out")
                .WithExample("validate", "S.pos", "--profile", "reference", "--model", "keras-models", "--out", "val-ref");
            config.AddCommand<MergeCommand>("merge")
                .WithDescription("Combine the slab folders of a map split with map --slab K/N into the same result as one run.")
                .WithExample("merge", "slab0", "slab1", "slab2", "slab3", "--out", "map-out");
            config.AddCommand<BankCommand>("bank")
                .WithDescription("Simulated z-SDM pattern banks (crystals through a detector model) as NPZ: presets, custom classes, or import of the published layout.")
                .WithExample("bank", "--preset", "cocrni-reference", "--seed", "42", "--out", "bank.npz", "--plot", "bank-plots")
                .WithExample("bank", "--structure", "fcc,l12", "--element", "Ni", "--orientation", "1,1,1", "-a", "0.356", "--sigma-xy", "0.2:0.8:0.1", "--out", "custom.npz")
                .WithExample("bank", "--structure", "fcc,l12", "--samples", "1000", "--sigma-xy", "0.2:0.8", "--sigma-z", "0.01:0.06", "--eta", "0.2:0.65", "--tilt", "0:3", "--lattice", "0.355:0.365", "--out", "random.npz")
                .WithExample("bank", "--import", "zSDM_simu_CoCrNi_L12_CoCo.npy", "--label", "1", "--out", "published.npz");
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train the k-fold CNN ensemble on pattern banks and write it as one model file (safetensors).")
                .WithExample("train", "--bank", "cocrni.npz", "--out", "cocrni.safetensors", "--seed", "1", "--plot", "train-plots")
                .WithExample("train", "--bank", "a.npz", "--bank", "b.npz", "--folds", "5", "--epochs", "30", "--out", "model.safetensors", "--json");
            config.AddCommand<BuildModelCommand>("build-model")
                .WithDescription("Build a default-grade model for any alloy and order type: simulated specimens across the detection envelope, the specimen bank, training, the decision tuned on separate specimens and validation on a third set, in one model file.")
                .WithExample("build-model", "--lattice", "bcc", "-a", "0.287", "--composition", "Fe:80,Al:20", "--element", "Al", "--structure", "B2", "--pole", "001", "--out", "feal-b2.safetensors", "--report", "feal-b2-report")
                .WithExample("build-model", "--lattice", "fcc", "-a", "0.356", "--composition", "Co:1,Cr:1,Ni:1", "--element", "Ni", "--structure", "L11", "--pole", "111", "--out", "cocrni-111.safetensors", "--json");
            config.AddCommand<ModelsCommand>("models")
                .WithDescription("List the built-in models: the order each looks for (pole, structure, element), its pairs, decision and validation figures.")
                .WithExample("models")
                .WithExample("models", "--json");
            config.AddCommand<PredictCommand>("predict")
                .WithDescription("Class probabilities of z-SDMs (.npy) from a classifier ensemble: mean (and with --std the spread) of the members' outputs.")
                .WithExample("predict", "--model", "keras-models", "--input", "zsdm.npy", "--normalize", "minmax", "--std", "--out", "p.csv");
            config.AddCommand<ExportOnnxCommand>("export-onnx")
                .WithDescription("Write the classifier ensemble as one ONNX model (input z-SDMs (N, C, 93) float32, output the ensemble-mean class probabilities (N, K)) for ONNX Runtime, Python or other tools.")
                .WithExample("export-onnx", "--out", "mlapt-default.onnx")
                .WithExample("export-onnx", "--model", "keras-models", "--out", "published.onnx");
            config.AddCommand<ExplainCommand>("explain")
                .WithDescription("Grad-CAM of one z-SDM: which regions of the curve over Δz drive the classifier's decision, as a PNG.")
                .WithExample("explain", "--model", "keras-models", "--input", "zsdm.npy", "--index", "0", "--normalize", "minmax", "--out", "gradcam.png");
            config.AddCommand<McCommand>("mc")
                .WithDescription("Lattice Monte Carlo (atom swaps, effective pair interactions) on a periodic FCC/BCC crystal: extended XYZ, energy trace and Warren–Cowley parameters.")
                .WithExample("mc", "--lattice", "fcc", "--cells", "10", "-a", "0.356", "--composition", "Co:1,Cr:1,Ni:1", "--pair", "Co-Cr:1=-0.02", "--temperature", "800", "--sweeps", "500", "--out", "cfg.extxyz", "--json");
            config.AddCommand<SroCommand>("sro")
                .WithDescription("Warren–Cowley short-range order parameters (shells 1-3, every ordered pair) of a periodic extended XYZ configuration.")
                .WithExample("sro", "cfg.extxyz", "--shells", "3", "--json");
        });

        // The parser reads an empty value of an optional option as "not given" (the default, silently): refuse it.
        for (var i = 0; i < args.Length; i++)
        {
            var empty = args[i].StartsWith('-') && args[i].Length > 1 && args[i].EndsWith('=')
                ? args[i][..^1]
                : args[i].StartsWith('-') && args[i].Length > 1 && i + 1 < args.Length && args[i + 1].Length == 0 ? args[i] : null;
            if (empty is not null)
            {
                stderr.WriteLine($"mlapt: {OneLine(empty)} '': expected a value");
                return BadInput;
            }
        }

        try
        {
            return app.Run(args, cancellationToken);
        }
        catch (Exception e) when (IsBadInput(e))
        {
            stderr.WriteLine("mlapt: " + OneLine(NameTheOption(e is InputException ? OptionNames.Spell(e.Message) : e.Message, args)));
            if (verbose)
                stderr.WriteLine(e.ToString());
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("mlapt: cancelled: output folders were left as they were");
            return Cancelled;
        }
        catch (OutOfMemoryException e)
        {
            // Checked up front where it can be (MapBudget); what remains is the machine's or a limit's answer.
            stderr.WriteLine("mlapt: out of memory: this run needs more memory than the machine, its container or DOTNET_GCHeapHardLimit allows "
                + "(see the Memory section of docs/performance.md for what a map needs; a smaller --box or --slab K/N pieces need less)");
            if (verbose)
                stderr.WriteLine(e.ToString());
            return BadInput;
        }
        catch (Exception e) when (!verbose)
        {
            stderr.WriteLine($"mlapt: internal error: {OneLine(e.Message)} ({e.GetType().Name}; run with --verbose for details)");
            return InternalError;
        }
        catch (Exception e)
        {
            stderr.WriteLine("mlapt: internal error: " + e);
            return InternalError;
        }
        finally
        {
            Parallelism.MaxThreads = 0;
        }
    }

    /// <summary>Applies <c>--threads</c> to the library before a command runs.</summary>
    private sealed class ThreadLimit : ICommandInterceptor
    {
        public void Intercept(CommandContext context, CommandSettings settings)
        {
            if (settings is CommonSettings common)
                Parallelism.MaxThreads = common.Threads ?? 0;
        }
    }

    private static bool IsBadInput(Exception e) =>
        e is InputException or CommandAppException or UnauthorizedAccessException or IOException;

    /// <summary>
    /// The argument parser's "Failed to convert 'V' to Double." does not say which option: name it from the
    /// command line (the option before the value) and say what was expected.
    /// </summary>
    internal static string NameTheOption(string message, string[] args)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^Failed to convert '(?<value>.*)' to (?<type>[\w.`]+)\.?$");
        if (!m.Success)
            return message;
        var value = m.Groups["value"].Value;
        var type = m.Groups["type"].Value.TrimEnd('.');
        var expected = type switch
        {
            "Double" or "Single" or "Decimal" or "Nullable`1" => "a number", // the optional ones are double? and int?
            "Int32" or "Int64" or "Int16" or "Byte" => "a whole number",
            "Boolean" => "true or false",
            _ => type,
        };
        for (var i = 1; i < args.Length; i++)
        {
            var given = args[i] == value || (value == "__default_command" && args[i] == "--");
            if (given && args[i - 1].StartsWith('-'))
                return $"{args[i - 1]} '{args[i]}': expected {expected}";
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].EndsWith("=" + value, StringComparison.Ordinal))
                return $"{args[i][..args[i].IndexOf('=')]} '{value}': expected {expected}";
        }
        return $"'{value}': expected {expected}";
    }

    /// <summary>
    /// The message on one line, with control characters (NUL and the like, echoed from binary files given where
    /// text was expected) shown as <c>\xNN</c> so that the terminal shows the line as written.
    /// </summary>
    internal static string OneLine(string message)
    {
        var joined = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var sb = new System.Text.StringBuilder(joined.Length);
        foreach (var c in joined)
        {
            if (char.IsControl(c))
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            else
                sb.Append(c);
        }
        return sb.ToString();
    }
}
