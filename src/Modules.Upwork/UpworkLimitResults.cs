namespace Modules.Upwork;

/// <summary>The one answer of the module's create endpoints when a per-user limit refuses them (alert channels, webhook sources).</summary>
internal static class UpworkLimitResults
{
    /// <summary>409 in the envelope, naming the field, when a per-user limit (<see cref="UpworkLimits"/>) or a precondition refuses a create.</summary>
    public static IResult LimitReached(string field, string message) => ApiResults.Error(StatusCodes.Status409Conflict, message, [new ApiFieldError(field, message)]);
}
