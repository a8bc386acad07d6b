using System.Text.Json;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Modules.Upwork.Features.DiagnoseUpwork;

/// <summary>
/// Checks the text of one operation, and the variables we send with it, against live types: walks the selections from
/// the root type (<c>Query</c>, <c>Mutation</c>) through the field types it learns, and checks every field, argument
/// (and that a variable's declared type fits it: <c>String!</c> for <c>ID!</c> is refused), input field and enum value,
/// in literals and in the variable values. Types are looked up through <paramref name="lookup"/> once each per run.
/// </summary>
internal sealed class QueryChecker(Func<string, CancellationToken, Task<LiveType?>> lookup, Action<string>? asking = null)
{
    private readonly Dictionary<string, LiveType?> _types = new(StringComparer.Ordinal);

    public int TypesChecked => _types.Count;

    private async Task<LiveType?> TypeAsync(string name, CancellationToken ct)
    {
        if (_types.TryGetValue(name, out var known)) return known;
        asking?.Invoke(name);
        return _types[name] = await lookup(name, ct);
    }

    /// <summary>Checks <paramref name="query"/>, sent with each of <paramref name="variableSets"/> (as serialized on the wire).</summary>
    public async Task<DoctorOperation> CheckAsync(string name, string query, IReadOnlyList<JsonElement?> variableSets, CancellationToken ct)
    {
        var run = new Run(this, query);
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments });
        }
        catch (GraphQLParserException ex)
        {
            run.MismatchAt(name, $"does not parse: {ex.Description}", ex.Location.Line);
            return new DoctorOperation(name, "?", run.Findings);
        }
        run.Fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        var kind = "query";
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            kind = operation.Operation.ToString().ToLowerInvariant();
            await run.OperationAsync(operation, variableSets, ct);
        }
        return new DoctorOperation(name, kind, run.Findings);
    }

    /// <summary>The state of one operation's check.</summary>
    private sealed class Run(QueryChecker checker, string query)
    {
        private readonly HashSet<(DoctorOutcome, string, string)> _seen = [];
        private readonly Dictionary<string, (TypeRef Type, ASTNode At)> _variables = new(StringComparer.Ordinal);
        private readonly HashSet<string> _walkedFragments = new(StringComparer.Ordinal);

        public List<DoctorFinding> Findings { get; } = [];

        public Dictionary<string, GraphQLFragmentDefinition> Fragments { get; set; } = [];

        public async Task OperationAsync(GraphQLOperationDefinition operation, IReadOnlyList<JsonElement?> variableSets, CancellationToken ct)
        {
            var rootName = operation.Operation switch
            {
                OperationType.Mutation => "Mutation",
                OperationType.Subscription => "Subscription",
                _ => "Query",
            };
            foreach (var definition in operation.Variables?.Items ?? [])
            {
                var declared = TypeRef.From(definition.Type);
                var name = definition.Variable.Name.StringValue;
                _variables[name] = (declared, definition);
                var type = await checker.TypeAsync(declared.NamedType, ct);
                if (type is null) Mismatch($"${name}", $"is declared as {declared}, but Upwork has no type {declared.NamedType}", definition);
                else if (!type.IsInput) Mismatch($"${name}", $"is declared as {declared}, but {type.Name} is an {type.Kind}, not an input type", definition);
                else Match($"${name}", $"declared as {declared}", definition);
            }

            var root = await checker.TypeAsync(rootName, ct);
            if (root is null) Mismatch(rootName, $"Upwork has no {rootName} type", operation);
            else await SelectionsAsync(root, operation.SelectionSet, ct);

            foreach (var variables in variableSets)
            {
                foreach (var (name, (declared, at)) in _variables)
                {
                    JsonElement? value = variables is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty(name, out var x) ? x : null;
                    await ValueAsync(declared, value, $"${name}", at, ct);
                }
            }
        }

        private async Task SelectionsAsync(LiveType parent, GraphQLSelectionSet set, CancellationToken ct)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        await FieldAsync(parent, field, ct);
                        break;
                    case GraphQLInlineFragment inline:
                        var on = inline.TypeCondition is { } condition ? await checker.TypeAsync(condition.Type.Name.StringValue, ct) : parent;
                        if (on is null) Mismatch(inline.TypeCondition!.Type.Name.StringValue, "Upwork has no such type (inline fragment)", inline);
                        else await SelectionsAsync(on, inline.SelectionSet, ct);
                        break;
                    case GraphQLFragmentSpread spread:
                        var fragmentName = spread.FragmentName.Name.StringValue;
                        if (!Fragments.TryGetValue(fragmentName, out var fragment)) Mismatch(fragmentName, "fragment is not defined", spread);
                        else if (_walkedFragments.Add($"{parent.Name}/{fragmentName}"))
                        {
                            var typeName = fragment.TypeCondition.Type.Name.StringValue;
                            var type = await checker.TypeAsync(typeName, ct);
                            if (type is null) Mismatch(typeName, $"Upwork has no such type (fragment {fragmentName})", fragment);
                            else await SelectionsAsync(type, fragment.SelectionSet, ct);
                        }
                        break;
                }
            }
        }

        private async Task FieldAsync(LiveType parent, GraphQLField field, CancellationToken ct)
        {
            var name = field.Name.StringValue;
            if (name == "__typename") return;
            var subject = $"{parent.Name}.{name}";
            if (!parent.Fields.TryGetValue(name, out var live))
            {
                Mismatch(subject, $"{parent.Name} has no field {name}{Suggest(name, parent.Fields.Keys)}", field);
                return;
            }
            Match(subject, $"field of type {live.Type}", field);
            if (live.Deprecated) Warning(subject, $"is deprecated{(live.DeprecationReason is { } why ? ": " + why : "")}", field);

            var given = new HashSet<string>(StringComparer.Ordinal);
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                var argName = argument.Name.StringValue;
                given.Add(argName);
                var argSubject = $"{subject}({argName}:)";
                if (!live.Args.TryGetValue(argName, out var arg))
                {
                    Mismatch(argSubject, $"{subject} has no argument {argName}{Suggest(argName, live.Args.Keys)}", argument);
                    continue;
                }
                Match(argSubject, $"argument of type {arg.Type}", argument);
                await LiteralAsync(arg.Type, argument.Value, argSubject, ct);
            }
            foreach (var missing in live.Args.Values.Where(a => a.Required && !given.Contains(a.Name)))
                Mismatch($"{subject}({missing.Name}:)", $"is required ({missing.Type}) but not sent", field);

            var type = await checker.TypeAsync(live.Type.NamedType, ct);
            if (type is null) Mismatch(subject, $"its type {live.Type.NamedType} is not in the schema", field);
            else if (type.IsComposite && field.SelectionSet is null) Mismatch(subject, $"is a {type.Name} and needs a selection of its fields", field);
            else if (!type.IsComposite && field.SelectionSet is not null) Mismatch(subject, $"is a {type.Kind} {type.Name} and takes no selection", field);
            else if (field.SelectionSet is { } selections) await SelectionsAsync(type, selections, ct);
        }

        /// <summary>An argument value written in the query text.</summary>
        private async Task LiteralAsync(TypeRef expected, GraphQLValue value, string subject, CancellationToken ct)
        {
            if (value is GraphQLVariable variable)
            {
                var name = variable.Name.StringValue;
                if (!_variables.TryGetValue(name, out var declared)) Mismatch(subject, $"uses ${name}, which the operation does not declare", value);
                else if (!declared.Type.Fits(expected))
                    Mismatch(subject, $"expects {expected}, but ${name} is declared as {declared.Type}", value);
                else Match(subject, $"${name} ({declared.Type}) fits {expected}", value);
                return;
            }
            if (value is GraphQLNullValue)
            {
                if (expected.NonNull) Mismatch(subject, $"is {expected}: null is refused", value);
                return;
            }
            var inner = expected.Nullable;
            if (inner.IsList)
            {
                if (value is GraphQLListValue list)
                    foreach (var item in list.Values ?? []) await LiteralAsync(inner.OfType!, item, subject, ct);
                else await LiteralAsync(inner.OfType!, value, subject, ct);   // one item stands for a list of one
                return;
            }
            var type = await checker.TypeAsync(inner.NamedType, ct);
            if (type is null) return;   // reported where the argument's type was reached
            switch (type.Kind)
            {
                case "ENUM":
                    if (value is not GraphQLEnumValue literal) Mismatch(subject, $"expects an enum value of {type.Name}", value);
                    else EnumValue(type, literal.Name.StringValue, subject, value);
                    break;
                case "INPUT_OBJECT":
                    if (value is not GraphQLObjectValue obj)
                    {
                        Mismatch(subject, $"expects an input object {type.Name}", value);
                        break;
                    }
                    var given = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var field in obj.Fields ?? [])
                    {
                        var fieldName = field.Name.StringValue;
                        given.Add(fieldName);
                        if (!type.InputFields.TryGetValue(fieldName, out var input))
                        {
                            Mismatch($"{type.Name}.{fieldName}", $"{type.Name} has no input field {fieldName}{Suggest(fieldName, type.InputFields.Keys)}", field);
                            continue;
                        }
                        Match($"{type.Name}.{fieldName}", $"input field of type {input.Type}", field);
                        await LiteralAsync(input.Type, field.Value, $"{type.Name}.{fieldName}", ct);
                    }
                    foreach (var missing in type.InputFields.Values.Where(f => f.Required && !given.Contains(f.Name)))
                        Mismatch($"{type.Name}.{missing.Name}", $"is required ({missing.Type}) but not given", value);
                    break;
                case "SCALAR":
                    if (!ScalarFits(type.Name, value)) Mismatch(subject, $"expects a {type.Name}, but the query writes {Describe(value)}", value);
                    break;
            }
        }

        /// <summary>A variable's value as we send it, against its declared type (itself checked against the live schema).</summary>
        private async Task ValueAsync(TypeRef expected, JsonElement? value, string path, ASTNode at, CancellationToken ct)
        {
            if (value is null || value.Value.ValueKind == JsonValueKind.Null)
            {
                if (expected.NonNull) Mismatch(path, $"is {expected} but is sent empty", at);
                return;
            }
            var v = value.Value;
            var inner = expected.Nullable;
            if (inner.IsList)
            {
                if (v.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var item in v.EnumerateArray()) await ValueAsync(inner.OfType!, item, $"{path}[{i++}]", at, ct);
                }
                else await ValueAsync(inner.OfType!, v, path, at, ct);
                return;
            }
            var type = await checker.TypeAsync(inner.NamedType, ct);
            if (type is null) return;   // reported with the variable's declaration
            switch (type.Kind)
            {
                case "ENUM":
                    if (v.ValueKind != JsonValueKind.String) Mismatch(path, $"expects an enum value of {type.Name}, but {v.ValueKind} is sent", at);
                    else EnumValue(type, v.GetString()!, path, at);
                    break;
                case "INPUT_OBJECT":
                    if (v.ValueKind != JsonValueKind.Object)
                    {
                        Mismatch(path, $"expects an input object {type.Name}, but {v.ValueKind} is sent", at);
                        break;
                    }
                    var given = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var property in v.EnumerateObject())
                    {
                        given.Add(property.Name);
                        var subject = $"{type.Name}.{property.Name}";
                        if (!type.InputFields.TryGetValue(property.Name, out var input))
                        {
                            Mismatch(subject, $"{type.Name} has no input field {property.Name}{Suggest(property.Name, type.InputFields.Keys)} (sent in {path})", at);
                            continue;
                        }
                        Match(subject, $"input field of type {input.Type}", at);
                        await ValueAsync(input.Type, property.Value, $"{path}.{property.Name}", at, ct);
                    }
                    foreach (var missing in type.InputFields.Values.Where(f => f.Required && !given.Contains(f.Name)))
                        Mismatch($"{type.Name}.{missing.Name}", $"is required ({missing.Type}) but not sent in {path}", at);
                    break;
                case "SCALAR":
                    if (!ScalarFits(type.Name, v)) Mismatch(path, $"expects a {type.Name}, but a {v.ValueKind} is sent", at);
                    break;
            }
        }

        private void EnumValue(LiveType type, string value, string subject, ASTNode at)
        {
            var item = $"{type.Name}.{value}";
            if (!type.EnumValues.TryGetValue(value, out var live))
                Mismatch(item, $"{type.Name} has no value {value}{Suggest(value, type.EnumValues.Keys)} (used in {subject})", at);
            else
            {
                Match(item, "enum value", at);
                if (live.Deprecated) Warning(item, $"is deprecated{(live.DeprecationReason is { } why ? ": " + why : "")}", at);
            }
        }

        private static bool ScalarFits(string scalar, GraphQLValue value) => scalar switch
        {
            "Int" => value is GraphQLIntValue,
            "Float" => value is GraphQLIntValue or GraphQLFloatValue,
            "String" => value is GraphQLStringValue,
            "Boolean" => value is GraphQLBooleanValue,
            "ID" => value is GraphQLStringValue or GraphQLIntValue,
            _ => true,   // a custom scalar: its literal form is Upwork's business
        };

        private static bool ScalarFits(string scalar, JsonElement value) => scalar switch
        {
            "Int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            "Float" => value.ValueKind == JsonValueKind.Number,
            "String" => value.ValueKind == JsonValueKind.String,
            "Boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "ID" => value.ValueKind == JsonValueKind.String || (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _)),
            _ => true,
        };

        private static string Describe(GraphQLValue value) => value switch
        {
            GraphQLStringValue => "a string",
            GraphQLIntValue => "an integer",
            GraphQLFloatValue => "a float",
            GraphQLBooleanValue => "a boolean",
            GraphQLEnumValue e => $"the enum value {e.Name.StringValue}",
            GraphQLListValue => "a list",
            GraphQLObjectValue => "an object",
            _ => value.Kind.ToString(),
        };

        /// <summary>The live name closest to a missing one: the same letters in another case, a few edits away, or one extending the other.</summary>
        private static string Suggest(string missing, IEnumerable<string> names)
        {
            var best = names
                .Select(n => (Name: n, Distance: string.Equals(n, missing, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(n.ToLowerInvariant(), missing.ToLowerInvariant()),
                    Extends: n.StartsWith(missing, StringComparison.OrdinalIgnoreCase) || missing.StartsWith(n, StringComparison.OrdinalIgnoreCase)))
                .Where(x => x.Distance <= Math.Max(2, missing.Length / 3) || x.Extends)
                .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
                .Select(x => x.Name).FirstOrDefault();
            return best is null ? "" : $" (did you mean {best}?)";
        }

        private static int Distance(string a, string b)
        {
            var row = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var previous = row[0];
                row[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var current = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                    previous = current;
                }
            }
            return row[b.Length];
        }

        public void Match(string subject, string message, ASTNode at) => Add(DoctorOutcome.Match, subject, message, at);

        public void Warning(string subject, string message, ASTNode at) => Add(DoctorOutcome.Warning, subject, message, at);

        public void Mismatch(string subject, string message, ASTNode at) => Add(DoctorOutcome.Mismatch, subject, message, at);

        public void MismatchAt(string subject, string message, int line) => Add(DoctorOutcome.Mismatch, subject, message, line);

        private void Add(DoctorOutcome outcome, string subject, string message, ASTNode at) =>
            Add(outcome, subject, message, query.AsSpan(0, Math.Min(at.Location.Start, query.Length)).Count('\n') + 1);

        private void Add(DoctorOutcome outcome, string subject, string message, int line)
        {
            if (!_seen.Add((outcome, subject, message))) return;   // the same item met again (another variant, another page)
            var lines = query.Split('\n');
            var text = line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : null;
            Findings.Add(new DoctorFinding(outcome, subject, message, line, text));
        }
    }
}
