namespace L1Lab.Models;

/// <summary>How <see cref="LogisticLasso.Fit"/> runs its proximal gradient iterations.</summary>
public sealed record LogisticLassoOptions
{
    /// <summary>Most iterations (gradient step + soft-threshold) per fit.</summary>
    public int MaxIterations { get; init; } = 5000;

    /// <summary>Stop when no coefficient (nor the intercept) moved more than this times max(1, max|βⱼ|) in one iteration.</summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>FISTA (Beck and Teboulle's momentum, restarted whenever it points uphill) instead of plain ISTA. Same fixed points, far fewer iterations.</summary>
    public bool Accelerated { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public LogisticLassoOptions Validate()
    {
        if (MaxIterations < 1) throw new ArgumentException($"max iterations must be at least 1 (got {MaxIterations}).");
        if (!(Tolerance > 0 && double.IsFinite(Tolerance))) throw new ArgumentException($"tolerance must be a positive number (got {Tolerance}).");
        return this;
    }
}
