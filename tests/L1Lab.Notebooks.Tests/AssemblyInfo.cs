// Cells of different tests would compete for the two cores and for torch's threads; run tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
