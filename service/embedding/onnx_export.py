"""Export the prepared encoder to ONNX, in fp32 and as int8 with dynamic quantization.

sentence-transformers' own ONNX backend goes through optimum, and optimum-onnx 0.1.0 cannot be
imported beside transformers 5.x, so the graph is exported here with ``torch.onnx`` and run by
``service.retrieval.embedder`` with onnxruntime directly. The graph outputs the last hidden state;
pooling and normalisation stay in numpy, exactly as sentence-transformers does them.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import torch

ONNX_DIR = "onnx"
FP32_FILE = "model.onnx"
INT8_FILE = "model_qint8.onnx"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OPSET = 17

log = logging.getLogger(__name__)


class _LastHiddenState(torch.nn.Module):
    """Positional inputs and a single tensor output keep the exported signature trivial."""

    def __init__(self, encoder: torch.nn.Module) -> None:
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids: torch.Tensor, mask: torch.Tensor, token_types: torch.Tensor) -> torch.Tensor:
        output = self.encoder(input_ids=input_ids, attention_mask=mask, token_type_ids=token_types)
        return output.last_hidden_state  # type: ignore[no-any-return]


def export_onnx(model_dir: Path) -> tuple[Path, Path]:
    """Writes ``onnx/model.onnx`` and ``onnx/model_qint8.onnx`` next to the safetensors weights."""
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import BertModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]  # unused pooler weights are expected
    out = model_dir / ONNX_DIR
    out.mkdir(parents=True, exist_ok=True)
    fp32, int8 = out / FP32_FILE, out / INT8_FILE
    encoder = BertModel.from_pretrained(str(model_dir), add_pooling_layer=False)
    encoder.eval()  # type: ignore[no-untyped-call]
    example = torch.tensor([[0, 33600, 31, 6, 2]], dtype=torch.long)  # "<s> query: … </s>"
    inputs = (example, torch.ones_like(example), torch.zeros_like(example))
    dynamic = {name: {0: "batch", 1: "tokens"} for name in INPUT_NAMES}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the legacy exporter is chatty about deprecations
        torch.onnx.export(
            _LastHiddenState(encoder),
            inputs,
            str(fp32),
            input_names=list(INPUT_NAMES),
            output_names=["last_hidden_state"],
            dynamic_axes={**dynamic, "last_hidden_state": {0: "batch", 1: "tokens"}},
            opset_version=OPSET,
            dynamo=False,
        )
    # Per-tensor signed int8 weights: what optimum's AVX2 preset does, and it keeps cosine ≥ 0.96.
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=False, reduce_range=False)
    sizes = [path.stat().st_size >> 20 for path in (fp32, int8)]
    log.info("exported ONNX encoder: %s (%d MB), %s (%d MB)", fp32, sizes[0], int8, sizes[1])
    return fp32, int8
