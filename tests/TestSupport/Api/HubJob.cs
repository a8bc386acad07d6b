namespace TestSupport.Api;

/// <summary>The hub's <c>new_job</c> and <c>job_updated</c> messages (the field tests read).</summary>
public sealed record HubJob(string Title);
