namespace Shared.Api;

/// <summary>What endpoints return: envelope results with the right status codes.</summary>
public static class ApiResults
{
    /// <summary>200 with data.</summary>
    public static EnvelopeResult<T> Ok<T>(T data, string message = "Success") => new(StatusCodes.Status200OK, true, data, message, null);

    /// <summary>201 with the created resource.</summary>
    public static EnvelopeResult<T> Created<T>(T data, string message = "Created") => new(StatusCodes.Status201Created, true, data, message, null);

    /// <summary>404 naming what was not found.</summary>
    public static EnvelopeResult<object> NotFound(string message = "Not found") => new(StatusCodes.Status404NotFound, false, null, message, null);

    /// <summary>400 with one message per invalid field.</summary>
    public static EnvelopeResult<object> ValidationFailed(IReadOnlyList<ApiFieldError> errors) =>
        new(StatusCodes.Status400BadRequest, false, null, ValidationMessage(errors), errors);

    /// <summary>An error with any status code, optionally naming the fields at fault.</summary>
    public static EnvelopeResult<object> Error(int statusCode, string message, IReadOnlyList<ApiFieldError>? errors = null) =>
        new(statusCode, false, null, message, errors);

    internal static string ValidationMessage(IReadOnlyList<ApiFieldError> errors) =>
        errors.Count == 1 ? $"Validation failed: {errors[0].Message}" : $"Validation failed on {errors.Count} fields";
}
