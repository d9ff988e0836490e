package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// GenerateBucketURL generates a signed URL to upload a file to Crisp's
// storage; Crisp also delivers it as a bucket:url:<namespace>:generated
// event.
//
//crisp:operation generateBucketURL
func (s *BucketService) GenerateBucketURL(ctx context.Context, body *api.BucketURLGeneration) (*api.BucketURL, error) {
	const op = "generateBucketURL"
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GenerateBucketURL(ctx, *body)
	return decode[api.BucketURL](op, resp, err)
}
