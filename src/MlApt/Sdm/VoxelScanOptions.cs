namespace MlApt.Sdm;

/// <summary>
/// Geometry of a voxel scan (METHOD §3). The defaults are the reference: 1 nm voxels on a 0.5 nm
/// stride, atoms within a 0.75 nm sphere of each voxel centre, pairs within 1.5 nm.
/// </summary>
/// <param name="Voxel">Voxel edge v (nm); corners advance while corner + v ≤ box max.</param>
/// <param name="Stride">Stride s between voxel corners (nm).</param>
/// <param name="SphereRadius">Radius of the sphere around a voxel centre whose atoms make the voxel (nm).</param>
/// <param name="PairRadius">Maximum pair distance R (nm).</param>
public readonly record struct VoxelScanOptions(
    double Voxel = VoxelScanOptions.DefaultVoxel, double Stride = VoxelScanOptions.DefaultStride,
    double SphereRadius = VoxelScanOptions.DefaultSphereRadius, double PairRadius = ZSdm.DefaultPairRadius)
{
    /// <summary>The reference voxel edge (nm).</summary>
    public const double DefaultVoxel = 1.0;
    /// <summary>The reference stride between voxel corners (nm).</summary>
    public const double DefaultStride = 0.5;
    /// <summary>The reference radius of the sphere whose atoms make a voxel (nm).</summary>
    public const double DefaultSphereRadius = 0.75;

    /// <summary>The reference geometry (without this, <c>new()</c> on a record struct would give all zeros).</summary>
    public VoxelScanOptions() : this(DefaultVoxel, DefaultStride, DefaultSphereRadius, ZSdm.DefaultPairRadius) { }

    /// <summary>Throws when a length is not positive and finite.</summary>
    public void Validate()
    {
        Check(Voxel, nameof(Voxel));
        Check(Stride, nameof(Stride));
        Check(SphereRadius, nameof(SphereRadius));
        Check(PairRadius, nameof(PairRadius));

        static void Check(double v, string name)
        {
            if (!(v > 0) || double.IsInfinity(v))
                throw new ArgumentOutOfRangeException(name, v, "must be positive and finite");
        }
    }
}
