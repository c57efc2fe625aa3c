"""The CLI's commands, one module per group; ``kindscope.cli`` assembles them."""
