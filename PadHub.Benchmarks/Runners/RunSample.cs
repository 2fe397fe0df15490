namespace PadHub.Benchmarks.Runners;

/// <summary>One timed run: wall and CPU time, bytes allocated on the running thread, and GCs that happened during it.</summary>
/// <param name="Elapsed">Wall time of the timed region.</param>
/// <param name="CpuTime">
/// Process CPU time (user + system, all threads) spent during the region: unlike wall time it does not count the time
/// the thread waited for a core, so it stays meaningful when other work shares the machine.
/// </param>
/// <param name="AllocatedBytes">GC.GetAllocatedBytesForCurrentThread() after minus before.</param>
/// <param name="Gen0">Gen 0 collections during the run.</param>
/// <param name="Gen2">Gen 2 collections during the run.</param>
/// <param name="GcPause">Time the runtime was paused for garbage collection during the run (wall time).</param>
public readonly record struct RunSample(TimeSpan Elapsed, TimeSpan CpuTime, long AllocatedBytes, int Gen0, int Gen2, TimeSpan GcPause);
