namespace L1Lab.Training;

/// <summary>One epoch of <see cref="EarlyStopping.Fit"/>.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean data loss over the epoch's steps.</param>
/// <param name="ValidationAuc">AUC on the validation split after the epoch.</param>
/// <param name="ZeroFraction">Share of the weights that are exactly zero after the epoch.</param>
/// <param name="Seconds">Training time of the epoch (without evaluation).</param>
public sealed record EarlyStoppingEpoch(int Epoch, double TrainLoss, double ValidationAuc, double ZeroFraction, double Seconds);
