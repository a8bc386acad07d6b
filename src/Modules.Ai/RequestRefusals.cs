namespace Modules.Ai;

/// <summary>The one mapping of <see cref="RequestRefusedException"/> to the API's envelope.</summary>
internal static class RequestRefusals
{
    /// <summary>Answers a refused request of any endpoint in the group with its status, message and field.</summary>
    public static RouteGroupBuilder AnswerRefusals(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (RequestRefusedException e)
            {
                return ToResult(e);
            }
        });

    /// <summary>The same refusal as an MCP tool error, naming the argument at fault (docs/mcp.md).</summary>
    public static ModelContextProtocol.McpException ToToolError(this RequestRefusedException e) =>
        new(e.Field is { } field ? $"{field}: {e.Message}" : e.Message);

    private static IResult ToResult(RequestRefusedException e) =>
        ApiResults.Error(StatusOf(e), e.Message, e.Field is null ? null : [new ApiFieldError(e.Field, e.Message)]);

    private static int StatusOf(RequestRefusedException e) => e switch
    {
        InputNotFoundException => StatusCodes.Status404NotFound,
        AiLimitReachedException => StatusCodes.Status429TooManyRequests,
        JobClaimedException => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
