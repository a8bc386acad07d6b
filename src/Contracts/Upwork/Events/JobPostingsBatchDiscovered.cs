namespace Contracts.Upwork.Events;

/// <summary>
/// The same jobs as the <see cref="JobPostingDiscovered"/> events just published, once per ingest batch: for handlers
/// that count or aggregate, so a thousand new jobs cost them one statement rather than a thousand.
/// </summary>
public sealed record JobPostingsBatchDiscovered(IReadOnlyList<JobPostingDiscovered> Jobs);
