using System.CommandLine;
using CareerGuides.Cli;

var contentOption = new Option<string>("--content", "-c")
{
    Description = "The content folder.",
    DefaultValueFactory = _ => "content",
};

var validatePath = new Argument<string>("content")
{
    Description = "The content folder to check (default: content).",
    DefaultValueFactory = _ => "content",
};
var format = new Option<string>("--format", "-f")
{
    Description = "Output format: text (path:line:col: error CODE: message) or json.",
    DefaultValueFactory = _ => "text",
};
format.AcceptOnlyFromAmong("text", "json");
var validate = new Command("validate", "Check every content file with the site's own rules. Exit code 0: no errors; 1: errors; 2: no such folder.")
{
    validatePath,
    format,
};
validate.SetAction(result => ValidateCommand.Run(result.GetValue(validatePath)!, result.GetValue(format)!, TimeProvider.System, Console.Out, Console.Error));

var from = new Option<string>("--from") { Description = "The role people leave (a slug in content/roles).", Required = true };
var to = new Option<string>("--to") { Description = "The role people move into (a slug in content/roles).", Required = true };
var newGuide = new Command("guide", "Write content/guides/<from>-to-<to>.md, ready to fill in.") { from, to, contentOption };
newGuide.SetAction(result => NewCommand.Guide(result.GetValue(contentOption)!, result.GetValue(from)!, result.GetValue(to)!, TimeProvider.System, Console.Out, Console.Error));

var roleSlug = new Argument<string>("slug") { Description = "The new role's slug, e.g. data-engineer." };
var newRole = new Command("role", "Write content/roles/<slug>.md, ready to fill in.") { roleSlug, contentOption };
newRole.SetAction(result => NewCommand.Role(result.GetValue(contentOption)!, result.GetValue(roleSlug)!, TimeProvider.System, Console.Out, Console.Error));

var newCommand = new Command("new", "Scaffold a new guide or role (as a draft).") { newGuide, newRole };

var docs = new Option<string>("--docs") { Description = "The docs folder.", DefaultValueFactory = _ => "docs" };
var schema = new Command("schema", "Regenerate docs/schema/*.schema.json and the field tables in docs/content.md from the C# model.") { docs };
schema.SetAction(result => SchemaCommand.Run(result.GetValue(docs)!, Console.Out, Console.Error));

var root = new RootCommand("CareerGuides content tools for editors.") { validate, newCommand, schema };
return root.Parse(args).Invoke();
