namespace Modules.Ai;

/// <summary>
/// A request the AI module will not carry out, for a reason the user can act on. Thrown where the reason is found
/// (preparing a letter, analysing a job); turned into HTTP once (<see cref="RequestRefusals"/>) and shown as text on the pages.
/// </summary>
internal abstract class RequestRefusedException(string? field, string message) : Exception(message)
{
    /// <summary>The request field at fault, if one is.</summary>
    public string? Field { get; } = field;
}

/// <summary>A job posting, profile or template the request names is missing or is not the user's (404; ids reveal nothing).</summary>
internal sealed class InputNotFoundException(string field, string message) : RequestRefusedException(field, message);

/// <summary>The monthly spending cap or the plan's generation quota is used up, so paid providers are refused (429).</summary>
internal sealed class AiLimitReachedException(string message) : RequestRefusedException(null, message);

/// <summary>A teammate holds the job's claim, so this user may not draft on it (409).</summary>
internal sealed class JobClaimedException(string message) : RequestRefusedException("jobPostingId", message);
