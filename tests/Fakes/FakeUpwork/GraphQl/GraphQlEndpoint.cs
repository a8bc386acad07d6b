using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeUpwork.Http;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;

namespace FakeUpwork.GraphQl;

/// <summary>
/// <c>POST /graphql</c>: injected faults first, then bearer authentication (401 <c>{"message":"Authentication failed"}</c>),
/// tenant selection, parsing, validation (engine rules + scopes + good-faith introspection) and execution.
/// </summary>
internal static class GraphQlEndpoint
{
    private static readonly DocumentExecuter Executer = new();
    private static readonly IValidationRule[] Rules = [.. DocumentValidator.CoreRules, new PolicyRule()];
    private static readonly GraphQLSerializer Serializer =
        new(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, new ErrorShaper());

    public static async Task HandleAsync(HttpContext context, ServerContext server)
    {
        var fault = server.Faults.TryDequeue();
        switch (fault?.Kind)
        {
            case FakeFaultKind.Http500:
                await JsonOut.MessageAsync(context, StatusCodes.Status500InternalServerError, "Internal Server Error");
                return;
            case FakeFaultKind.RateLimited:
                await JsonOut.TooManyRequestsAsync(context, fault.RetryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null);
                return;
            case FakeFaultKind.Unauthorized:
                await JsonOut.MessageAsync(context, StatusCodes.Status401Unauthorized, "Authentication failed");
                return;
            case FakeFaultKind.Slow:
                await Task.Delay(fault.Delay, context.RequestAborted);
                break;
        }

        var caller = Authenticate(context, server);
        if (caller is null)
        {
            await JsonOut.MessageAsync(context, StatusCodes.Status401Unauthorized, "Authentication failed");
            return;
        }

        var (client, user) = caller.Value;
        context.Items[ServerContext.UserIdKey] = user.Id;
        FakeOrganization? organization;
        var tenant = context.Request.Headers["X-Upwork-API-TenantId"].ToString();
        lock (server.State.Sync)
        {
            organization = tenant.Length == 0 ? user.DefaultOrganization : user.Organizations.FirstOrDefault(o => o.Id == tenant);
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            await JsonOut.MessageAsync(context, StatusCodes.Status400BadRequest, "Bad Request");
            return;
        }

        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                await JsonOut.MessageAsync(context, StatusCodes.Status400BadRequest, "Bad Request");
                return;
            }

            var query = ReadString(body.RootElement, "query") ?? "";
            var operationName = ReadString(body.RootElement, "operationName");
            var variablesJson = ReadVariables(body.RootElement);
            context.Items[ServerContext.OperationNameKey] = operationName;
            context.Items[ServerContext.VariablesKey] = variablesJson;

            GraphQLDocument document;
            try
            {
                document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments });
            }
            catch (GraphQLParserException ex)
            {
                await WriteErrorAsync(context, $"Invalid Syntax : {ex.Description} at line {ex.Location.Line} column {ex.Location.Column}", "InvalidSyntax", ex.Location.Line, ex.Location.Column);
                return;
            }

            if (document.Definitions.Count == 0)
            {
                await WriteErrorAsync(context, "Invalid Syntax : offending token '<EOF>' at line 1 column 1", "InvalidSyntax", 1, 1);
                return;
            }

            var rootFields = RootFields(document, operationName);
            context.Items[ServerContext.RootFieldsKey] = rootFields;

            if (tenant.Length > 0 && organization is null)
            {
                await WriteErrorAsync(context, $"Tenant {tenant} is not accessible: the authenticated user is not a member of this organization", "ExecutionAborted");
                return;
            }

            Inputs variables;
            try
            {
                variables = variablesJson is null ? Inputs.Empty : Serializer.Deserialize<Inputs>(variablesJson) ?? Inputs.Empty;
            }
            catch (JsonException)
            {
                await JsonOut.MessageAsync(context, StatusCodes.Status400BadRequest, "Bad Request");
                return;
            }

            var request = new RequestContext(server, client, user, organization);
            var result = await Executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = server.Schema,
                Query = query,
                Document = document,
                OperationName = operationName,
                Variables = variables,
                UserContext = request,
                ValidationRules = Rules,
                ThrowOnUnhandledException = false,
                RequestServices = context.RequestServices,
                CancellationToken = context.RequestAborted,
            });

            if (request.ForceHttp500)
            {
                await JsonOut.MessageAsync(context, StatusCodes.Status500InternalServerError, "Internal Server Error");
                return;
            }

            var aborts = result.Errors?.OfType<FakeAbortError>().ToList() ?? [];
            if (aborts.Count > 0)
            {
                var others = result.Errors!.Where(e => e is not FakeAbortError).ToList();
                if (others.Count == 0)
                {
                    var abort = aborts.OrderBy(a => a.Classification == "BadFaithIntrospection" ? 0 : 1).First();
                    await JsonOut.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
                    {
                        ["errors"] = new JsonArray(Error(abort.Message, abort.Classification)),
                    });
                    return;
                }

                result.Errors = [];
                foreach (var error in others)
                {
                    result.Errors.Add(error);
                }
            }

            var json = Serializer.Serialize(result);
            if (fault?.Kind == FakeFaultKind.PartialData)
            {
                json = NullFirstSearchNode(json);
            }
            else if (fault?.Kind == FakeFaultKind.TransformTimeout)
            {
                json = FailFirstRoot(json);
            }

            await JsonOut.WriteRawAsync(context, StatusCodes.Status200OK, json);
        }
    }

    private static (FakeClient Client, FakeUser User)? Authenticate(HttpContext context, ServerContext server)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(header.Parameter))
        {
            return null;
        }

        return server.State.Authenticate(header.Parameter.Trim());
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? ReadVariables(JsonElement root)
    {
        if (!root.TryGetProperty("variables", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => value.GetRawText(),
            JsonValueKind.String when value.GetString() is { Length: > 0 } text => text,
            _ => null,
        };
    }

    /// <summary>Names of the root fields the executed operation selects (fragments expanded).</summary>
    private static List<string> RootFields(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        var fields = new List<string>();
        if (operation is null)
        {
            return fields;
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        void Walk(GraphQLSelectionSet set, int depth)
        {
            if (depth > 10)
            {
                return;
            }

            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        fields.Add(field.Name.StringValue);
                        break;
                    case GraphQLInlineFragment inline:
                        Walk(inline.SelectionSet, depth + 1);
                        break;
                    case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                        Walk(fragment.SelectionSet, depth + 1);
                        break;
                }
            }
        }

        Walk(operation.SelectionSet, 0);
        return fields;
    }

    /// <summary>The PartialData fault: the first search node becomes null and a non-null violation error with its path is added.</summary>
    private static string NullFirstSearchNode(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject root || root["data"] is not JsonObject data)
        {
            return json;
        }

        foreach (var (key, value) in data)
        {
            if (value is JsonObject connection && connection["edges"] is JsonArray { Count: > 0 } edges
                && edges[0] is JsonObject edge && edge["node"] is JsonObject)
            {
                edge["node"] = null;
                var errors = root["errors"] as JsonArray ?? [];
                root.Remove("errors");
                root.Remove("data");
                var error = Error("Cannot return null for non-nullable field MarketplaceJobPostingSearchResult.experienceLevel", "NullValueInNonNullableField");
                error["path"] = new JsonArray(key, "edges", 0, "node", "experienceLevel");
                errors.Add(error);
                return JsonOut.Serialize(new JsonObject { ["errors"] = errors, ["data"] = data });
            }
        }

        return json;
    }

    /// <summary>
    /// The TransformTimeout fault as graphql-java answers a failed resolver (docs/upwork-api.md §2.1, §7.5): the first
    /// root field becomes null with an error whose path names it; the other roots keep their data. A non-null root
    /// would null the whole <c>data</c>.
    /// </summary>
    private static string FailFirstRoot(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject root || root["data"] is not JsonObject data || data.Count == 0)
        {
            return json;
        }

        var name = data.First().Key;
        var errors = root["errors"] as JsonArray ?? [];
        root.Remove("errors");
        root.Remove("data");
        var error = Error("Transform timeout: upstream service did not respond in time", "DataFetchingException");
        error["path"] = new JsonArray(name);
        errors.Add(error);
        if (SchemaFactory.Schema.Query.GetField(name)?.ResolvedType is GraphQL.Types.NonNullGraphType)
        {
            return JsonOut.Serialize(new JsonObject { ["errors"] = errors, ["data"] = null });
        }

        data[name] = null;
        return JsonOut.Serialize(new JsonObject { ["errors"] = errors, ["data"] = data });
    }

    private static JsonObject Error(string message, string classification) => new()
    {
        ["message"] = message,
        ["extensions"] = new JsonObject { ["classification"] = classification },
    };

    private static Task WriteErrorAsync(HttpContext context, string message, string classification, int? line = null, int? column = null)
    {
        var error = new JsonObject { ["message"] = message };
        if (line is not null && column is not null)
        {
            error["locations"] = new JsonArray(new JsonObject { ["line"] = line, ["column"] = column });
        }

        error["extensions"] = new JsonObject { ["classification"] = classification };
        return JsonOut.WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["errors"] = new JsonArray(error) });
    }
}
